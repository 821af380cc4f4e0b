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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding: a page on another site the editor has open can point its own name at 127.0.0.1 and read the
 * preview from the browser, drafts and embargoed (future) stories included, which {@code serve} shows by default.
 * The browser then sends that site's name as {@code Host}. Bound to loopback (the default), the preview answers
 * only requests addressed to this machine's loopback names (localhost, 127.0.0.1, [::1], RFC 6761's *.localhost).
 */
class ServeHostTest {
    @TempDir
    Path dir;
    PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-embargo.md",
                TestSites.article("Embargoed Jobs Report", "2026-01-05T09:00:00-05:00", "draft: true\n", "Payrolls rose.")));
        server = new PreviewServer(BuildOptions.of(src, dir.resolve("unused")).withCacheDir(dir.resolve("cache")).withDrafts(true),
                "127.0.0.1", 0, new PrintWriter(new StringWriter(), true));
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The whole answer to a GET sent with this Host header, as a browser sends it. */
    private String get(String path, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(server.url()).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anotherSitesNameGetsNoPage() throws Exception {
        int port = URI.create(server.url()).getPort();
        String draft = "/news/2026/01/05/embargo/";
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST",
                "preview.localhost:" + port}) {
            String answer = get(draft, host);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), host + ": " + answer.lines().findFirst().orElse(""));
            assertTrue(answer.contains("Embargoed Jobs Report"), host);
        }
        for (String host : new String[] {"attacker.example:" + port, "attacker.example", "127.0.0.1.attacker.example",
                "localhost.attacker.example:" + port}) {
            for (String path : new String[] {draft, "/", PreviewServer.EVENTS}) {
                String answer = get(path, host);
                assertTrue(answer.startsWith("HTTP/1.1 403 "), host + " " + path + ": "
                        + answer.lines().findFirst().orElse(""));
                assertFalse(answer.contains("Embargoed"), host + " " + path);
            }
        }
    }
}
