package io.tickerpress.serve;

import io.tickerpress.TestSites;
import io.tickerpress.pipeline.BuildOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve} over real HTTP as a reader's browser uses it for video, audio and PDF: HEAD answers with the
 * headers GET gives (Content-Length included) and no body; a single byte range is 206 with Content-Range
 * (RFC 9110 14.1-14.4), one past the end 416 with {@code bytes *}{@code /LENGTH}; several ranges get the whole
 * file, 200. The expected bytes are slices of the file the test wrote.
 */
class ServeRangeTest {
    @TempDir
    Path dir;
    PreviewServer server;
    byte[] clip = new byte[1000];
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < clip.length; i++) clip[i] = (byte) (i * 7 + 3);
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-first.md",
                TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One.")));
        Files.createDirectories(src.resolve("templates/static"));
        Files.write(src.resolve("templates/static/clip.mp4"), clip);
        server = new PreviewServer(BuildOptions.of(src, dir.resolve("unused")).withCacheDir(dir.resolve("cache")),
                "127.0.0.1", 0, new PrintWriter(new StringWriter(), true));
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> send(String method, String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (range != null) b.header("Range", range);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() throws Exception {
        for (String path : new String[] {"/assets/clip.mp4", "/", "/news/2026/01/05/first/", "/no-such-page/", "/news", "/__tickerpress/reload.js"}) {
            HttpResponse<byte[]> get = send("GET", path, null);
            HttpResponse<byte[]> head = send("HEAD", path, null);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(Integer.toString(get.body().length), header(head, "Content-Length"), path);
            assertEquals(header(get, "Content-Length"), header(head, "Content-Length"), path);
            assertEquals(header(get, "Content-Type"), header(head, "Content-Type"), path);
            assertEquals(header(get, "Accept-Ranges"), header(head, "Accept-Ranges"), path);
            assertEquals(0, head.body().length, path);
        }
        assertEquals("1000", header(send("HEAD", "/assets/clip.mp4", null), "Content-Length"));
        assertEquals("bytes", header(send("HEAD", "/assets/clip.mp4", null), "Accept-Ranges"));
    }

    @Test
    void aSingleRangeIsPartialContent() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/assets/clip.mp4", "bytes=0-99");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 0-99/1000", header(r, "Content-Range"));
        assertEquals("100", header(r, "Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(clip, 0, 100), r.body());

        r = send("GET", "/assets/clip.mp4", "bytes=990-");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 990-999/1000", header(r, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(clip, 990, 1000), r.body());

        r = send("GET", "/assets/clip.mp4", "bytes=-5");
        assertEquals("bytes 995-999/1000", header(r, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(clip, 995, 1000), r.body());

        r = send("GET", "/assets/clip.mp4", "bytes=500-5000"); // the last position past the end: up to the end
        assertEquals("bytes 500-999/1000", header(r, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(clip, 500, 1000), r.body());

        r = send("HEAD", "/assets/clip.mp4", "bytes=10-19");
        assertEquals(206, r.statusCode());
        assertEquals("10", header(r, "Content-Length"));
        assertEquals("bytes 10-19/1000", header(r, "Content-Range"));
        assertEquals(0, r.body().length);

        byte[] page = send("GET", "/", null).body(); // a page: the bytes as served (with the reload script)
        r = send("GET", "/", "bytes=5-14");
        assertEquals(206, r.statusCode());
        assertArrayEquals(Arrays.copyOfRange(page, 5, 15), r.body());
    }

    @Test
    void unsatisfiableIs416AndSeveralRangesGetTheWholeFile() throws Exception {
        for (String range : new String[] {"bytes=1000-", "bytes=4000-5000", "bytes=-0"}) {
            HttpResponse<byte[]> r = send("GET", "/assets/clip.mp4", range);
            assertEquals(416, r.statusCode(), range);
            assertEquals("bytes */1000", header(r, "Content-Range"), range);
        }
        for (String range : new String[] {"bytes=0-1,5-6", "items=0-5", "bytes=9-3", "bytes=x"}) {
            HttpResponse<byte[]> r = send("GET", "/assets/clip.mp4", range);
            assertEquals(200, r.statusCode(), range);
            assertArrayEquals(clip, r.body(), range);
            assertEquals(null, header(r, "Content-Range"), range);
        }
        HttpResponse<byte[]> r = send("GET", "/no-such-page/", "bytes=0-3"); // a missing page: its 404, whole
        assertEquals(404, r.statusCode());
        assertTrue(r.body().length > 4);
    }

    /**
     * A file replaced by a rebuild (a rename over it, as a build publishes) while requests stream it: every answer is
     * exactly one of the two files, its Content-Length that file's, never a short body or the new file's bytes under
     * the old one's length. The file alternates between 1,000 bytes of 'a' and 3,000 of 'b' as fast as a thread can
     * rename; a server that takes the length from one look and the bytes from another fails within a few requests.
     */
    @Test
    void aFileReplacedWhileServedIsSentAsTheOneFileOpened() throws Exception {
        byte[] a = new byte[1000];
        byte[] b = new byte[3000];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        Path root = Files.createDirectories(dir.resolve("swapped"));
        Path target = root.resolve("clip.mp4");
        Files.write(target, a);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread renamer = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    Path next = root.resolve("next.tmp");
                    Files.write(next, i % 2 == 0 ? b : a);
                    Files.move(next, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (StaticServer plain = new StaticServer("127.0.0.1", 0, () -> root)) {
            plain.start();
            URI uri = URI.create("http://127.0.0.1:" + plain.port() + "/clip.mp4");
            renamer.start();
            for (int i = 0; i < 400; i++) {
                HttpResponse<byte[]> r;
                try {
                    r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (java.io.IOException shortBody) { // the client's word for fewer bytes than Content-Length
                    throw new AssertionError("request " + i + ": " + shortBody, shortBody);
                }
                assertEquals(200, r.statusCode());
                assertEquals(Integer.toString(r.body().length), header(r, "Content-Length"), "request " + i);
                if (!Arrays.equals(a, r.body()) && !Arrays.equals(b, r.body())) {
                    throw new AssertionError("request " + i + ": " + r.body().length + " bytes, neither file");
                }
            }
        } finally {
            stop.set(true);
            renamer.join();
        }
    }

    /**
     * The live-reload event stream answers HEAD with the headers a GET gets and ends the answer at once, neither
     * streaming nor holding the connection (read over a plain socket to its end, as HTTP/1.1 with
     * {@code Connection: close}); a GET still streams, its first event the build number (1 here); another method
     * is 405.
     */
    @Test
    void headOfTheEventStreamReturnsAtOnceWithItsHeaders() throws Exception {
        // The JDK's server ends a HEAD answer by itself; a handler that starts a stream for it (a body length of 0,
        // "chunked") is what it warns about, and the stream's first event then goes into a closed answer.
        java.util.logging.Logger jdkServer = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
        List<String> warned = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler catcher = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) warned.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jdkServer.addHandler(catcher);
        String head;
        try {
            head = wholeAnswer("HEAD");
        } finally {
            jdkServer.removeHandler(catcher);
        }
        assertEquals(List.of(), warned);
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\ncontent-type: text/event-stream\r\n"), head);
        assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\ncache-control: no-cache\r\n"), head);
        assertTrue(head.endsWith("\r\n\r\n"), head); // the headers and nothing after them

        HttpRequest get = HttpRequest.newBuilder(URI.create(server.url() + PreviewServer.EVENTS.substring(1)))
                .timeout(java.time.Duration.ofSeconds(5)).build();
        HttpResponse<java.io.InputStream> stream = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream", header(stream, "Content-Type"));
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertEquals("data: 1", lines.readLine());
        }
        assertTrue(wholeAnswer("POST").startsWith("HTTP/1.1 405 "));
    }

    /** The whole answer to one request for the event stream, read to the end of the connection within 10 s. */
    private String wholeAnswer(String method) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(server.url()).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((method + " " + PreviewServer.EVENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try {
                return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError(method + " of the event stream did not end within 10 s", e);
            }
        }
    }
}
