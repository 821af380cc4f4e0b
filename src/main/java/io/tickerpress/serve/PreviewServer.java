package io.tickerpress.serve;

import java.util.Locale;
import com.sun.net.httpserver.HttpExchange;
import io.tickerpress.pipeline.ArticlePreview;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.BuildResult;
import io.tickerpress.pipeline.Progress;
import io.tickerpress.pipeline.SiteBuilder;
import io.tickerpress.pipeline.TemporaryOutput;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.diag.OutOfMemory;
import io.tickerpress.load.ContentLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The editor's preview: builds the site into a private folder, serves it on localhost, watches content/ and
 * templates/, rebuilds only what a change affects, and tells open tabs to reload (Server-Sent Events). A
 * failed build does not stop the server: pages show the error until the next good save. The reload script
 * is added to pages as they are served, never to build output.
 *
 * <p>No save is missed: the watcher is registered before the first build starts; a change during a build
 * asks for one more build after it (any number of changes during one build ask for one); folders created
 * later (a new {@code templates/}, a new folder under {@code content/}) are watched before the build they
 * trigger reads them. Until the first build is done every request gets a "Building…" page (503, Retry-After)
 * that reloads itself when the site is ready. Each page carries the number of the build it shows; the event
 * stream sends the latest number on connect and after every build, and a tab reloads when they differ, so a
 * tab never keeps a page older than the last build.
 */
public final class PreviewServer implements AutoCloseable {
    static final String EVENTS = "/__tickerpress/events";
    static final String SCRIPT = "/__tickerpress/reload.js";
    private static final String RELOAD_JS = """
            // TickerPress preview: reload this tab when the site was rebuilt after this page was served.
            (function () {
              var shown = document.currentScript.getAttribute('data-build');
              var source = new EventSource('%s');
              source.onmessage = function (e) { if (e.data !== shown) window.location.reload(); };
            })();
            """.formatted(EVENTS);
    /** The folders of the source folder that are watched, with everything below them. */
    private static final List<String> WATCHED = List.of("content", "templates");
    /** How long {@link #close()} waits for the running build to stop. */
    private static final long STOP_WAIT_MILLIS = 30_000;

    /** The build itself: {@link SiteBuilder#build}; tests wrap it to hold a build at a known point. */
    interface Build {
        BuildResult run(BuildOptions options, ContentLoader.Cache parsed, Progress progress);
    }

    private final BuildOptions base;
    private final PrintWriter log;
    private final Build build;
    private final TemporaryOutput temp;
    private final Path output;
    private final StaticServer http;
    private final ContentLoader.Cache parsed = new ContentLoader.Cache();
    /** Writes a saved article's own page at once, before the full rebuild (only with the real build). */
    private final ArticlePreview quick = new ArticlePreview();
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final Object pendingLock = new Object();
    private boolean pending;
    private int requests;
    private boolean building;
    private volatile String error;
    /** Builds finished, good or failed; pages and the event stream carry it. */
    private volatile int builds;
    private volatile boolean running = true;
    private WatchService watcher;
    private Thread watchThread;
    private Thread buildThread;

    /**
     * Binds the port; nothing is built or watched before {@link #start()}.
     *
     * @param options what to build; its output folder is not used: the preview server builds into a private
     *                temporary folder, so that {@code site/} is never touched while previewing
     * @throws StaticServer.CannotListen when the port is in use or the address is not this machine's
     */
    public PreviewServer(BuildOptions options, String host, int port, PrintWriter log) throws IOException {
        this(options, host, port, log, null);
    }

    PreviewServer(BuildOptions options, String host, int port, PrintWriter log, Build build) throws IOException {
        this.base = options;
        this.log = log;
        this.build = build != null ? build : (o, p, progress) -> SiteBuilder.build(o, p, progress, quick);
        this.http = new StaticServer(host, port, this::output);
        try {
            this.temp = TemporaryOutput.create("serve", options.cacheDir());
        } catch (IOException | RuntimeException e) {
            http.close();
            throw e;
        }
        this.output = temp.site();
        http.route(EVENTS, this::events);
        http.route(SCRIPT, ex -> {
            try (ex) {
                byte[] js = RELOAD_JS.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
                ex.getResponseHeaders().set("Cache-Control", "no-cache");
                if (ex.getRequestMethod().equals("HEAD")) { // the headers a GET gets, Content-Length included
                    ex.getResponseHeaders().set("Content-Length", Integer.toString(js.length));
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                ex.sendResponseHeaders(200, js.length);
                ex.getResponseBody().write(js);
            }
        });
        http.holdingPage(() -> builds == 0 ? BUILDING_PAGE : null);
        http.htmlFilter(() -> {
            int shown = builds; // read before the page: the page is at least this new
            String err = error;
            return html -> err != null ? errorPage(err, shown) : withReloadScript(html, shown);
        });
    }

    /**
     * Starts watching, serving, and the first build, in that order. Returns at once (pages say "Building…"
     * until the first build is done); {@link #close()} stops everything.
     */
    public void start() throws IOException {
        Path source = base.source().toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            throw new InputError(Diagnostics.display(source), "no such folder: --source must name the site folder");
        }
        watcher = FileSystems.getDefault().newWatchService();
        // The source folder itself, for content/ or templates/ created later; not its subfolders (site/, caches).
        source.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
        for (String folder : WATCHED) {
            Path dir = source.resolve(folder);
            if (Files.isDirectory(dir)) registerTree(dir);
        }
        http.start();
        watchThread = daemon(this::watch, "tickerpress-watch");
        buildThread = daemon(this::buildLoop, "tickerpress-build");
        requestBuild();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    public int port() {
        return http.port();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** How many browser tabs listen for reloads. */
    public int listenerCount() {
        return listeners.size();
    }

    /** The current build error, or null when the last build succeeded. */
    public String error() {
        return error;
    }

    /** Builds finished so far (good or failed). */
    public int builds() {
        return builds;
    }

    /** What writes a saved article's page before the full rebuild; a test's {@link Build} keeps it up to date. */
    ArticlePreview articlePreview() {
        return quick;
    }

    /** The private folder the site is built into (removed by {@link #close()}). */
    public Path output() {
        return output;
    }

    /** The temporary folder holding {@link #output()}. */
    Path temporaryFolder() {
        return temp.folder();
    }

    /** Asks for a build; one that is asked for while a build runs starts when it ends. Requests coalesce. */
    private void requestBuild() {
        synchronized (pendingLock) {
            pending = true;
            requests++;
            pendingLock.notifyAll();
        }
    }

    /** Whether no build runs and none is asked for. */
    boolean idle() {
        synchronized (pendingLock) {
            return !pending && !building;
        }
    }

    /** Builds asked for so far: the first one and one per burst of changes the watcher saw. */
    int buildRequests() {
        synchronized (pendingLock) {
            return requests;
        }
    }

    private void buildLoop() {
        while (true) {
            synchronized (pendingLock) {
                while (!pending && running) {
                    try {
                        pendingLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!running) return;
                pending = false;
                building = true;
            }
            rebuild(builds == 0 ? "start" : "change");
            synchronized (pendingLock) {
                building = false;
            }
        }
    }

    private void rebuild(String why) {
        long start = System.nanoTime();
        try {
            BuildOptions options = base.withOutput(output).withBaseUrl("http://localhost:" + port() + "/")
                    .withNow(Instant.now()).withInPlace(true);
            BuildResult r = build.run(options, parsed, temp.progress());
            error = null;
            log.printf(Locale.ROOT, "%s: built %s (%d rendered) in %d ms %s%n", why,
                    io.tickerpress.diag.Counts.of(r.pages(), "page"), r.pagesRendered(),
                    (System.nanoTime() - start) / 1_000_000, r.stageMillis());
            for (String w : r.warnings()) log.println("warning: " + w);
        } catch (Progress.Stopped e) {
            return; // the server is closing
        } catch (InputError e) {
            error = e.getMessage();
            log.println("error: " + e.getMessage());
        } catch (Exception | Error e) {
            // Any failure is a failed rebuild, never the end of the build thread: an Error that escaped (a
            // StackOverflowError, a class gone from a jar rebuilt meanwhile) left the server serving the last build
            // and never building again, without a word on the page.
            OutOfMemoryError oom = OutOfMemory.find(e);
            if (oom != null) {
                // The heap is too small for the site (or HeapGuard saw it thrash): this rebuild failed, and the
                // server goes on serving the last good build, as after any failed rebuild.
                error = OutOfMemory.message("The build", oom);
                log.println("error: " + error);
            } else {
                error = "internal error: " + e;
                log.println("internal error: " + e);
            }
        }
        log.flush();
        builds++;
        notifyReload();
    }

    private static String withReloadScript(String html, int build) {
        int end = html.lastIndexOf("</body>");
        String tag = scriptTag(build);
        return end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
    }

    private static String scriptTag(int build) {
        return "<script src=\"" + SCRIPT + "\" data-build=\"" + build + "\"></script>";
    }

    /** What every request gets until the first build is done. */
    static final String BUILDING_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Building… | TickerPress</title>
            <noscript><meta http-equiv="refresh" content="2"></noscript>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}</style></head>
            <body><main><h1>Building…</h1><p>The preview is being built for the first time.
            This page reloads by itself when the site is ready.</p></main>
            %s</body></html>
            """.formatted(scriptTag(0));

    static String errorPage(String message, int build) {
        String escaped = io.tickerpress.render.HtmlText.escape(message);
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Build error | TickerPress</title>
                <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}
                pre{background:#fff4f4;border-left:4px solid #b3261e;padding:1rem;white-space:pre-wrap}</style></head>
                <body><main><h1>Build failed</h1><pre class="build-error">%s</pre>
                <p>Fix the file and save: this page reloads by itself.</p></main>
                %s</body></html>
                """.formatted(escaped, scriptTag(build));
    }

    private void events(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            try (ex) {
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(405, -1);
            }
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        if (method.equals("HEAD")) { // the headers a GET gets, and at once: no stream
            try (ex) {
                ex.sendResponseHeaders(200, -1);
            }
            return;
        }
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        // Listen first, then say the current build: a build finishing in between is sent twice, never missed.
        listeners.add(out);
        send(out, Integer.toString(builds));
        // The exchange stays open; the stream is closed when the tab goes away or the server stops.
    }

    private void notifyReload() {
        String build = Integer.toString(builds);
        for (OutputStream out : listeners) send(out, build);
    }

    private void send(OutputStream out, String data) {
        synchronized (out) {
            try {
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                listeners.remove(out);
            }
        }
    }

    /**
     * Watches {@code dir} and every folder below it. Each folder is watched before it is listed: a subfolder made
     * meanwhile ({@code mkdir -p templates/static}) is then either listed here or reported by an event. Listing
     * first and watching after lost a subfolder made between the two, and every save into it.
     */
    private void registerTree(Path dir) throws IOException {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        if (Files.isSymbolicLink(dir)) return; // watched as the folder it leads to; not walked into (as Files.walk)
        try (java.nio.file.DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (Files.isDirectory(child)) registerTree(child);
            }
        }
    }

    private void watch() {
        while (running) {
            WatchKey key;
            try {
                key = watcher.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            if (key == null) continue;
            boolean relevant = handle(key);
            // Editors save in bursts (temp file, rename, touch): gather them for a moment, then build once.
            // A saved article's own page is written at once, before the burst ends (see ArticlePreview).
            try {
                WatchKey more;
                while ((more = watcher.poll(60, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= handle(more);
                }
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            if (relevant && running) requestBuild();
        }
    }

    /** Whether the events of a key ask for a build; new folders are watched before this returns. */
    private boolean handle(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        boolean sourceFolder = dir.equals(base.source().toAbsolutePath().normalize());
        for (var event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) {
                relevant = true; // overflow: events were lost; watch every folder again and rebuild to be safe
                for (String folder : WATCHED) watchIfPresent(base.source().toAbsolutePath().normalize().resolve(folder));
                continue;
            }
            String n = name.toString();
            if (sourceFolder ? !WATCHED.contains(n)
                    : n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".tmp")) {
                continue;
            }
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) watchIfPresent(dir.resolve(name));
            if (event.kind() != StandardWatchEventKinds.ENTRY_DELETE && Files.isRegularFile(dir.resolve(name))) {
                quick.rewrite(dir.resolve(name)); // not an article of the last build: nothing happens
            }
        }
        key.reset();
        return relevant;
    }

    private void watchIfPresent(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try {
            registerTree(dir);
        } catch (IOException | java.nio.file.ClosedWatchServiceException ignored) {
            // a folder that vanished again, or the server is closing
        }
    }

    /**
     * Stops watching and serving, stops the running build at its next page, and removes the private folder
     * and its manifest in the cache folder. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        running = false;
        temp.stop();
        synchronized (pendingLock) {
            pendingLock.notifyAll();
        }
        try {
            if (watcher != null) watcher.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (OutputStream out : listeners) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the tab is gone
            }
        }
        http.close();
        if (buildThread != null && buildThread != Thread.currentThread()) {
            try {
                buildThread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        temp.close();
    }
}
