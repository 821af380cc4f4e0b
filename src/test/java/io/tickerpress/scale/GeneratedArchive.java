package io.tickerpress.scale;

import io.tickerpress.cli.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A generated news archive for memory tests: {@code n} articles with distinct Markdown bodies of about
 * {@code bodyBytes} bytes each (random words, fixed seed), a few tags, no market data; and a child JVM that builds
 * it with a given heap.
 */
final class GeneratedArchive {
    private static final String[] WORDS = ("market stocks shares investors traders index rally earnings revenue"
            + " guidance outlook rates yields treasury inflation growth demand supply chips memory cloud banks lenders"
            + " energy oil dollar futures quarter analysts estimates margins buyback dividend volatility sector").split(" ");
    private static final String[] TAGS = {"Rates", "Earnings", "Banks", "Energy", "Bonds", "Retail", "Autos", "Fed"};

    private GeneratedArchive() {
    }

    static Path write(Path dir, int n, int bodyBytes) throws IOException {
        Random r = new Random(42);
        Path articles = Files.createDirectories(dir.resolve("content/articles"));
        Files.writeString(dir.resolve("content/site.yaml"),
                "title: Generated Ledger\nbaseUrl: https://gen.example.com/\npaginate: 10\n");
        for (int i = 0; i < n; i++) {
            StringBuilder body = new StringBuilder(bodyBytes + 100);
            while (body.length() < bodyBytes) {
                body.append(Character.toUpperCase(WORDS[r.nextInt(WORDS.length)].charAt(0)));
                for (int w = 0; w < 12; w++) body.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
                body.append(r.nextInt(1000)).append(body.length() % 700 < 90 ? ".\n\n" : ". ");
            }
            // Minutes after a fixed start: distinct times, so the order of the archive is fixed.
            long minutes = i * 37L;
            String date = java.time.LocalDateTime.of(2020, 1, 1, 6, 0).plusMinutes(minutes) + ":00-05:00";
            String text = "---\ntitle: \"Story " + i + " " + WORDS[i % WORDS.length] + "\"\ndate: " + date
                    + "\nauthor: Desk " + (i % 3) + "\nsummary:\n  - \"Point " + i + ".\"\ntags: [" + TAGS[i % TAGS.length]
                    + ", " + TAGS[(i / 8) % TAGS.length] + "]\n---\n" + body + "\n";
            Files.writeString(articles.resolve(String.format(Locale.ROOT, "story-%06d.md", i)), text, StandardCharsets.UTF_8);
        }
        return dir;
    }

    record Run(int exit, String output) {
    }

    /** Builds {@code site} in a child JVM with the given heap limit (e.g. "48m"), as the launcher would run it. */
    static Run build(Path site, String heap, String... extraJvm) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        cmd.addAll(List.of(extraJvm));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", site.toString(), "--output", site.resolve("site").toString(), "--now", "2026-06-01T00:00:00Z",
                "--clean"));
        Path log = Files.createTempFile(site, "build", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the build did not end within 300 s");
        }
        return new Run(p.exitValue(), Files.readString(log));
    }
}
