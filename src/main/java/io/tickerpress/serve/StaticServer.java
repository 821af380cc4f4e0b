package io.tickerpress.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small static file server over the JDK's HTTP server: serves a site folder with pretty URLs
 * ({@code /x/} → {@code /x/index.html}), the site's {@code 404.html} for missing files, and never a file
 * outside the folder. Pages can be rewritten on the way out (the preview server injects its reload script),
 * or every request answered with a holding page (the preview server while its first build runs).
 */
public final class StaticServer implements AutoCloseable {
    private final HttpServer server;
    private final Supplier<Path> root;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile Supplier<Function<String, String>> htmlFilter = Function::identity;
    private volatile Supplier<String> holdingPage = () -> null;
    /** Bound to a loopback address: only requests addressed to a loopback name are answered (DNS rebinding). */
    private final boolean loopbackOnly;

    /** The address cannot be listened on: the port is taken, or the address is not this machine's. */
    public static final class CannotListen extends IOException {
        CannotListen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param root the folder to serve, asked for on every request (the preview server swaps it after rebuilds)
     * @throws CannotListen when the port is in use or the address cannot be bound, with a message for the user
     */
    public StaticServer(String host, int port, Supplier<Path> root) throws IOException {
        this.root = root;
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new CannotListen("cannot listen on " + host + ": no such address; choose another with --bind", null);
        }
        this.loopbackOnly = address.getAddress().isLoopbackAddress();
        try {
            this.server = HttpServer.create(address, 64);
        } catch (BindException e) {
            String reason = String.valueOf(e.getMessage());
            throw new CannotListen(reason.contains("in use")
                    ? "port " + port + " is in use on " + host + "; choose another with --port"
                    : "cannot listen on " + host + ":" + port + ": " + reason + "; choose another --port or --bind", e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tickerpress-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Adds a handler for a path prefix, e.g. the live-reload event stream. */
    public void route(String prefix, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(prefix, ex -> {
            if (refused(ex)) return;
            handler.handle(ex);
        });
    }

    /**
     * Refuses (403) a request addressed to another name than this machine's loopback, when bound to loopback: a
     * page of another site can point its own name at 127.0.0.1 (DNS rebinding) and read the preview, drafts and
     * future stories included, from the editor's browser, which then sends that site's name as {@code Host}.
     */
    private boolean refused(HttpExchange ex) throws IOException {
        if (!loopbackOnly || loopbackName(ex.getRequestHeaders().getFirst("Host"))) return false;
        try (ex) {
            send(ex, 403, "text/plain; charset=utf-8", ("This preview answers only to http://localhost (or 127.0.0.1):"
                    + " a page of another site asked for it.").getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    /** Whether a Host header names this machine's loopback: localhost (and RFC 6761's *.localhost), 127.x, ::1. */
    static boolean loopbackName(String host) {
        if (host == null) return true; // HTTP/1.0 without Host: not a browser, which always sends it
        String name = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(1, end).equals("::1");
        }
        int colon = name.lastIndexOf(':');
        if (colon >= 0) name = name.substring(0, colon);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        return name.equals("localhost") || name.endsWith(".localhost")
                || name.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }

    /**
     * @param filter asked once per request, before the file is read, for the rewrite of that request's page: so
     *               what the rewrite says about the folder (the preview's build number) is never newer than the page
     */
    public void htmlFilter(Supplier<Function<String, String>> filter) {
        this.htmlFilter = filter;
    }

    /**
     * @param page while it gives a page (not null), every request is answered with it, status 503 and
     *             {@code Retry-After: 1}; the folder is not read
     */
    public void holdingPage(Supplier<String> page) {
        this.holdingPage = page;
    }

    /** Requests that got an error status, as "STATUS /path", for tests that want no failed requests. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    private void handle(HttpExchange ex) throws IOException {
        if (refused(ex)) return;
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String holding = holdingPage.get();
            if (holding != null) {
                ex.getResponseHeaders().set("Retry-After", "1");
                send(ex, 503, "text/html; charset=utf-8", holding.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Function<String, String> filter = htmlFilter.get();
            Path base = root.get().toAbsolutePath().normalize();
            Path file = resolve(base, ex.getRequestURI());
            if (file != null && Files.isDirectory(file)) {
                String path = ex.getRequestURI().getRawPath();
                if (!path.endsWith("/")) {
                    ex.getResponseHeaders().add("Location", path + "/");
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (file == null || !Files.isRegularFile(file)) {
                notFound(ex, base, filter);
                return;
            }
            String type = type(file);
            if (type.startsWith("text/html")) {
                byte[] page;
                try {
                    page = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException gone) { // removed by a rebuild since it was looked at
                    notFound(ex, base, filter);
                    return;
                }
                sendRange(ex, type, new Body.InMemory(filter(filter, page)));
                return;
            }
            // A video is not read whole. Its length and its bytes come from the one file opened here: a rebuild
            // that replaces the file meanwhile (a rename) leaves this open file readable as it was.
            java.nio.channels.FileChannel channel;
            try {
                channel = java.nio.channels.FileChannel.open(file);
            } catch (java.nio.file.NoSuchFileException gone) {
                notFound(ex, base, filter);
                return;
            }
            try (channel) {
                sendRange(ex, type, new Body.OnDisk(channel, channel.size()));
            }
        }
    }

    private void notFound(HttpExchange ex, Path base, Function<String, String> filter) throws IOException {
        failures.add("404 " + ex.getRequestURI().getRawPath());
        Path notFound = base.resolve("404.html");
        byte[] body = filter(filter, Files.isRegularFile(notFound) ? Files.readAllBytes(notFound)
                : "not found".getBytes(StandardCharsets.UTF_8));
        send(ex, 404, "text/html; charset=utf-8", body);
    }

    /** A file's bytes as served: in memory (a page, rewritten) or read from disk as sent. */
    private sealed interface Body {
        long length();

        void write(OutputStream out, long from, long count) throws IOException;

        record InMemory(byte[] bytes) implements Body {
            public long length() {
                return bytes.length;
            }

            public void write(OutputStream out, long from, long count) throws IOException {
                out.write(bytes, (int) from, (int) count);
            }
        }

        /** An open file, its length taken from it when it was opened; the caller closes it. */
        record OnDisk(java.nio.channels.FileChannel in, long length) implements Body {
            public void write(OutputStream out, long from, long count) throws IOException {
                java.nio.channels.WritableByteChannel to = java.nio.channels.Channels.newChannel(out);
                long done = 0;
                while (done < count) {
                    long n = in.transferTo(from + done, count - done, to);
                    if (n <= 0) break; // the file was cut short in place while sent: the client sees a short body
                    done += n;
                }
            }
        }
    }

    /**
     * A file with its {@code Content-Length}, for GET and HEAD alike, and a single byte range when asked for
     * (RFC 9110 14.2): {@code Range: bytes=0-99}, {@code bytes=100-} or {@code bytes=-100} is 206 with
     * {@code Content-Range}; a range that starts past the end (or an empty suffix) is 416 with
     * {@code Content-Range: bytes *&#47;LENGTH}. A request for several ranges, a Range header this server does not
     * read, or one with {@code If-Range} (this server sends no validators to compare) gets the whole file, 200.
     */
    private static void sendRange(HttpExchange ex, String type, Body body) throws IOException {
        long length = body.length();
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        long[] range = ex.getRequestHeaders().containsKey("If-Range") ? null
                : range(ex.getRequestHeaders().getFirst("Range"), length);
        if (range == UNSATISFIABLE) {
            ex.getResponseHeaders().set("Content-Range", "bytes */" + length);
            send(ex, 416, "text/plain; charset=utf-8", "range not satisfiable".getBytes(StandardCharsets.UTF_8));
            return;
        }
        long from = range == null ? 0 : range[0];
        long count = range == null ? length : range[1] - range[0] + 1;
        if (range != null) {
            ex.getResponseHeaders().set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + length);
        }
        headers(ex, type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        int status = range == null ? 200 : 206;
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(count));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, count == 0 ? -1 : count);
        if (count > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                body.write(out, from, count);
            }
        }
    }

    private static final long[] UNSATISFIABLE = new long[0];

    /**
     * The first and last byte a {@code Range} header asks for in a file of {@code length} bytes; null to send the
     * whole file (no header, another unit, several ranges, not the syntax); {@link #UNSATISFIABLE} when no byte of
     * the file is in it.
     */
    static long[] range(String header, long length) {
        if (header == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(header);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) return null;
        if (m.group(1).length() > 18 || m.group(2).length() > 18) return null; // past any long: not read
        if (m.group(1).isEmpty()) { // the last N bytes
            long n = Long.parseLong(m.group(2));
            if (n == 0 || length == 0) return UNSATISFIABLE;
            return new long[] {Math.max(0, length - n), length - 1};
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) return null; // invalid: RFC 9110 says to ignore it
        if (first >= length) return UNSATISFIABLE;
        return new long[] {first, Math.min(last, length - 1)};
    }

    private static byte[] filter(Function<String, String> filter, byte[] html) {
        return filter.apply(new String(html, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** The file for a request path, or null when the path is malformed or leaves the served folder. */
    static Path resolve(Path base, URI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith("/") || path.contains("\0") || path.contains("\\")) return null;
        Path file = base.resolve(path.substring(1)).normalize();
        return file.startsWith(base) ? file : null;
    }

    private static String type(Path file) {
        return io.tickerpress.write.MediaTypes.of(file.getFileName().toString());
    }

    private static void headers(HttpExchange ex, String type) {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }

    /**
     * A response with its body; a HEAD request gets the same headers, {@code Content-Length} included (the JDK's
     * server leaves it out of a HEAD answer unless it is set here), and no body.
     */
    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        headers(ex, type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
