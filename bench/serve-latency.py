#!/usr/bin/env python3
"""Save -> served latency of `tickerpress serve`, measured from outside the server.

Starts `tickerpress serve` on a site folder, waits for its first build, then edits one article several times:
each run writes a new marker word into the article's body and polls the article's URL until a response
carries it. The time from just before the write to that response is one sample (the server's own timers are
not used). Between runs it waits for the server's full rebuild to finish, so every run starts from an idle
server. Prints each sample and min/median/max in ms; restores the article and stops the server at the end.

  python3 bench/serve-latency.py --source /tmp/i10k [--runs 10] [--article content/articles/x.md]
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read().decode("utf-8", "replace")


def wait_ready(base, proc, limit):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if proc.poll() is not None:
            sys.exit("serve exited with %d before its first build ended" % proc.returncode)
        try:
            status, body = get(base + "sitemap.xml", timeout=5)
            if status == 200 and "<urlset" in body:
                return body
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("the first build did not end within %d s" % limit)


def slug_of(article):
    m = re.search(r"(?m)^slug:\s*['\"]?([^'\"\n]+)", article.read_text(encoding="utf-8"))
    if m:
        return re.sub(r"[^a-z0-9]+", "-", m.group(1).lower()).strip("-")
    name = re.sub(r"\.(md|markdown|mdown)$", "", article.name)
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"^\d{4}-\d{2}-\d{2}-", "", name).lower()).strip("-")


def builds_done(log_file):
    try:
        return len(re.findall(r"(?m)^change: built", log_file.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", required=True, help="site folder (holds content/)")
    ap.add_argument("--article", help="article to edit, relative to --source (default: the last by name)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--launcher", default=str(HERE.parent / "tickerpress"))
    ap.add_argument("--first-build-timeout", type=int, default=900)
    args = ap.parse_args()

    source = Path(args.source).resolve()
    article = source / args.article if args.article else sorted((source / "content" / "articles").rglob("*.md"))[-1]
    original = article.read_bytes()
    port = free_port()
    log_file = Path(os.environ.get("TMPDIR", "/tmp")) / ("serve-latency-%d.log" % os.getpid())
    with open(log_file, "wb") as log:
        proc = subprocess.Popen([args.launcher, "serve", "--source", str(source), "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT)
    base = "http://127.0.0.1:%d/" % port
    samples = []
    try:
        sitemap = wait_ready(base, proc, args.first_build_timeout)
        slug = slug_of(article)
        locs = [u for u in re.findall(r"<loc>([^<]+)</loc>", sitemap) if u.rstrip("/").endswith("/" + slug)]
        if not locs:
            sys.exit("no page for %s (slug %s) in the sitemap" % (article, slug))
        url = base + re.sub(r"^https?://[^/]+/", "", locs[0])
        print("editing %s, polling %s" % (article.relative_to(source), url))
        text = original.decode("utf-8")
        for i in range(args.runs):
            done = builds_done(log_file)
            marker = "latencyprobe%d%d" % (os.getpid(), i)
            new = (text.rstrip("\n") + "\n\n" + marker + "\n").encode("utf-8")
            start = time.perf_counter()
            with open(article, "wb") as f:  # one save, as an editor writing in place does
                f.write(new)
            while True:
                try:
                    _, body = get(url)
                except OSError:
                    body = ""
                if marker in body:
                    break
                if time.perf_counter() - start > 60:
                    sys.exit("run %d: the new text was not served within 60 s" % (i + 1))
                time.sleep(0.002)
            ms = (time.perf_counter() - start) * 1000
            samples.append(ms)
            print("run %2d: %7.1f ms" % (i + 1, ms), flush=True)
            # Let the full rebuild of this save end before the next run.
            end = time.monotonic() + 120
            while builds_done(log_file) <= done and time.monotonic() < end:
                time.sleep(0.05)
    finally:
        article.write_bytes(original)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    rebuilds = re.findall(r"(?m)^change: built \d+ pages \(\d+ rendered\) in (\d+) ms",
                          log_file.read_text(encoding="utf-8", errors="replace"))
    log_file.unlink()
    print("save -> served: min %.1f ms, median %.1f ms, max %.1f ms over %d runs"
          % (min(samples), statistics.median(samples), max(samples), len(samples)))
    if rebuilds:
        ms = [int(x) for x in rebuilds]
        print("full rebuild after each save (server's log): min %d ms, median %d ms, max %d ms"
              % (min(ms), statistics.median(ms), max(ms)))


if __name__ == "__main__":
    main()
