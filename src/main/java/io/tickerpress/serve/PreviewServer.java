package io.tickerpress.serve;

import java.util.Locale;
import com.sun.net.httpserver.HttpExchange;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.BuildResult;
import io.tickerpress.pipeline.Progress;
import io.tickerpress.pipeline.SiteBuilder;
import io.tickerpress.diag.InputError;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The editor's preview: builds the site into a private folder, serves it on localhost, watches content/ and
 * templates/, rebuilds only what a change affects, and tells open tabs to reload (Server-Sent Events). A
 * failed build does not stop the server: pages show the error until the next good save. The reload script
 * is added to pages as they are served, never to build output.
 */
public final class PreviewServer implements AutoCloseable {
    static final String EVENTS = "/__tickerpress/events";
    static final String SCRIPT = "/__tickerpress/reload.js";
    private static final String RELOAD_JS = """
            // TickerPress preview: reload this tab when the site is rebuilt.
            (function () {
              var source = new EventSource('%s');
              source.onmessage = function (e) { if (e.data === 'reload') window.location.reload(); };
            })();
            """.formatted(EVENTS);

    private final BuildOptions base;
    private final PrintWriter log;
    private final Path work;
    private final Path output;
    private final StaticServer http;
    private final ContentLoader.Cache parsed = new ContentLoader.Cache();
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final Object buildLock = new Object();
    private volatile String error;
    private volatile boolean running = true;
    private WatchService watcher;
    private Thread watchThread;

    /**
     * @param options what to build; its output folder is not used: the preview server builds into a private
     *                temporary folder, so that {@code site/} is never touched while previewing
     */
    public PreviewServer(BuildOptions options, String host, int port, PrintWriter log) throws IOException {
        this.base = options;
        this.log = log;
        this.work = Files.createTempDirectory("tickerpress-serve-");
        this.output = work.resolve("site");
        this.http = new StaticServer(host, port, () -> output);
        http.route(EVENTS, this::events);
        http.route(SCRIPT, ex -> {
            try (ex) {
                byte[] js = RELOAD_JS.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
                ex.sendResponseHeaders(200, js.length);
                ex.getResponseBody().write(js);
            }
        });
        http.htmlFilter(this::decorate);
    }

    /** Builds, starts serving and starts watching. Returns at once; {@link #close()} stops everything. */
    public void start() throws IOException {
        http.start();
        rebuild("start");
        watcher = FileSystems.getDefault().newWatchService();
        for (String folder : List.of("content", "templates")) {
            Path dir = base.source().resolve(folder);
            if (Files.isDirectory(dir)) registerTree(dir);
        }
        watchThread = new Thread(this::watch, "tickerpress-watch");
        watchThread.setDaemon(true);
        watchThread.start();
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

    /** Rebuilds now (the watcher calls this after changes) and tells open tabs to reload. */
    public void rebuild(String why) {
        synchronized (buildLock) {
            long start = System.nanoTime();
            try {
                BuildOptions options = base.withOutput(output).withBaseUrl("http://localhost:" + port() + "/")
                        .withNow(Instant.now()).withInPlace(true);
                BuildResult r = SiteBuilder.build(options, parsed, Progress.NONE);
                error = null;
                log.printf(Locale.ROOT, "%s: built %d pages (%d rendered) in %d ms %s%n", why, r.pages(), r.pagesRendered(),
                        (System.nanoTime() - start) / 1_000_000, r.stageMillis());
                for (String w : r.warnings()) log.println("warning: " + w);
            } catch (InputError e) {
                error = e.getMessage();
                log.println("error: " + e.getMessage());
            } catch (RuntimeException e) {
                error = "internal error: " + e;
                log.println("internal error: " + e);
            }
            log.flush();
            notifyReload();
        }
    }

    private String decorate(String html) {
        String err = error;
        if (err != null) return errorPage(err);
        int end = html.lastIndexOf("</body>");
        String tag = "<script src=\"" + SCRIPT + "\"></script>";
        return end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
    }

    static String errorPage(String message) {
        String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Build error | TickerPress</title>
                <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}
                pre{background:#fff4f4;border-left:4px solid #b3261e;padding:1rem;white-space:pre-wrap}</style></head>
                <body><main><h1>Build failed</h1><pre class="build-error">%s</pre>
                <p>Fix the file and save: this page reloads by itself.</p></main>
                <script src="%s"></script></body></html>
                """.formatted(escaped, SCRIPT);
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        listeners.add(out);
        // The exchange stays open; the stream is closed when the tab goes away or the server stops.
    }

    private void notifyReload() {
        for (OutputStream out : listeners) {
            try {
                out.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                listeners.remove(out);
            }
        }
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
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
            try {
                WatchKey more;
                while ((more = watcher.poll(60, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= handle(more);
                }
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            if (relevant && running) rebuild("change");
        }
    }

    private boolean handle(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) {
                relevant = true; // overflow: rebuild to be safe
                continue;
            }
            String n = name.toString();
            if (n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".tmp")) continue;
            relevant = true;
            Path child = dir.resolve(name);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                } catch (IOException ignored) {
                    // a folder that vanished again
                }
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() {
        running = false;
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
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
