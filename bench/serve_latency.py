#!/usr/bin/env python3
"""Save -> served latency of a preview server, measured from outside (standard library only).

Starts the server, waits until it serves the article's page, then RUNS times: appends a paragraph with a new
word to the article's Markdown file and polls the page's URL over HTTP until the response carries that word.
A run's latency is the time from just before the write to the end of that response. Between runs it waits
until the server's log says the rebuild ended (its own "done" line, up to --settle-timeout), so that an edit
never lands in the previous edit's rebuild.

    bench/serve_latency.py tickerpress --source bench/work/10k --file content/articles/X.md --path /news/.../
    bench/serve_latency.py hugo --source bench/work/10k/hugo --file content/news/X.md --path /news/.../ \
        [--hugo-flag=--disableFastRender]

Prints one JSON line on stdout: {"latencies_ms": [...], "median_ms", "min_ms", "max_ms", "done_ms": [...],
"ready_s"}; "done_ms" is when the server's log line for the rebuild was first seen (null if not seen).
Exit 1 with a message when the server does not start or the new text does not appear within --timeout.
"""
import argparse, json, os, re, signal, socket, statistics, subprocess, sys, time, urllib.error, urllib.request

POLL_S = 0.005  # one request every 5 ms: fine enough for the 150 ms target, light on a 2-core machine


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    """The page's text, or None while the server is not (yet) serving it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace") if r.status == 200 else None
    except (urllib.error.URLError, ConnectionError, socket.timeout, OSError):
        return None


class Log:
    """The server's output file, read as it grows."""

    def __init__(self, path):
        self.path, self.text = path, ""

    def read(self):
        with open(self.path, encoding="utf-8", errors="replace") as f:
            f.seek(len(self.text.encode("utf-8")))
            self.text += f.read()
        return self.text

    def count(self, pattern):
        return len(re.findall(pattern, self.read(), re.M))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("server", choices=["tickerpress", "hugo"])
    p.add_argument("--source", required=True, help="the site's folder (TickerPress --source, Hugo -s)")
    p.add_argument("--file", required=True, help="the article's Markdown file, relative to --source")
    p.add_argument("--path", required=True, help="the article's URL path, e.g. /news/2026/01/20/story-00005/")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--timeout", type=float, default=120, help="seconds to wait for one edit to be served")
    p.add_argument("--settle-timeout", type=float, default=600,
                   help="seconds to wait, after an edit, for the server's log to say its rebuild ended")
    p.add_argument("--start-timeout", type=float, default=900, help="seconds to wait for the first build")
    p.add_argument("--launcher", default="./tickerpress")
    p.add_argument("--hugo-flag", action="append", default=[], help="extra flag for hugo server (repeatable)")
    p.add_argument("--log", help="where the server's output goes (default: beside --source)")
    a = p.parse_args()

    article = os.path.join(a.source, a.file)
    with open(article, encoding="utf-8") as f:
        original = f.read()
    log_path = a.log or os.path.join(a.source, "serve-%s.log" % a.server)
    if a.server == "tickerpress":
        cmd = [a.launcher, "serve", "--source", a.source, "--port", "0"]
        port_re, done_re = r"at http://[^:/]+:(\d+)/", r"^change: "
    else:
        cmd = ["hugo", "server", "-s", a.source, "--bind", "127.0.0.1", "--port", str(free_port())] + a.hugo_flag
        port_re, done_re = r"available at http://[^:/]+:(\d+)/", r"^Total in \d+ ms"
    out = open(log_path, "w")
    server = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              start_new_session=True)
    log = Log(log_path)
    try:
        started = time.monotonic()
        url = None
        while url is None or fetch(url) is None:
            if server.poll() is not None:
                sys.exit("serve_latency: the server exited (%d) before serving %s; its log: %s\n%s"
                         % (server.returncode, a.path, log_path, log.read()[-2000:]))
            if time.monotonic() - started > a.start_timeout:
                sys.exit("serve_latency: %s not served after %.0f s; see %s" % (a.path, a.start_timeout, log_path))
            m = url is None and re.search(port_re, log.read())
            if m:
                url = "http://127.0.0.1:%s%s" % (m.group(1), a.path)
            time.sleep(0.1)
        ready_s = time.monotonic() - started
        time.sleep(1.0)  # let a server that announces the page before its build ends finish the build
        latencies, done = [], []
        for i in range(a.runs):
            token = "benchedit%dx%d" % (i + 1, os.getpid())
            builds_before = log.count(done_re)
            t0 = time.monotonic()
            with open(article, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + "\n\n" + token + " was added by the benchmark.\n")
            seen = done_at = None
            while seen is None or done_at is None:
                now = time.monotonic()
                if seen is None and now - t0 > a.timeout:
                    sys.exit("serve_latency: %s did not show the edit within %.0f s; see %s" % (url, a.timeout, log_path))
                if now - t0 > a.settle_timeout:
                    break  # served, but no rebuild line in the log: report the latency without it
                if done_at is None and log.count(done_re) > builds_before:
                    done_at = now
                if seen is None:
                    page = fetch(url)
                    if page is not None and token in page:
                        seen = time.monotonic()
                time.sleep(POLL_S if seen is None else 0.05)  # once served, only the log is read
            latencies.append(round((seen - t0) * 1000))
            done.append(None if done_at is None else round((done_at - t0) * 1000))
            print("%s edit %d: served after %d ms, rebuild logged after %s ms"
                  % (a.server, i + 1, latencies[-1], done[-1]), file=sys.stderr)
            time.sleep(0.5)
    finally:
        with open(article, "w", encoding="utf-8") as f:
            f.write(original)
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            server.wait()
        out.close()
    print(json.dumps({"latencies_ms": latencies, "median_ms": statistics.median(latencies),
                      "min_ms": min(latencies), "max_ms": max(latencies), "done_ms": done,
                      "ready_s": round(ready_s, 1)}))


if __name__ == "__main__":
    main()
