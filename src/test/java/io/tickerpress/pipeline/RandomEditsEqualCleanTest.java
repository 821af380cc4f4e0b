package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded random differential test of incremental builds: chains of edits of every kind (titles, key points, tags,
 * authors and slugs with non-ASCII, astral, combining, right-to-left and control characters; files renamed, moved
 * between folders, renamed in case only, deleted, added, put back to an earlier text; site.yaml; builds with
 * {@code --clean} between) into one output, each build compared with a clean build of the same input: the same
 * files, bytes and warnings, or the same error. The seed and the step are in the failure message;
 * {@code -Dtickerpress.test.seeds=N} runs more seeds, {@code -Dtickerpress.test.seed=S} one given seed.
 */
class RandomEditsEqualCleanTest {
    @TempDir
    Path dir;
    private Path src;
    private Path out;
    private int cleanBuilds;
    private final List<String> report = new ArrayList<>();

    /** Text that names and fields are made of: what the compact records must keep exactly. */
    private static final String[] PIECES = {"Older", "é", "z", "\uFF5E", "\uD83D\uDE00", "日本株", "e\u0301", "שלום",
            "مرحبا", "\u200F", "ﬁ", "Straße", "<b>", "&", "'", "\\", "\"", "\u0001", "\u001F", "\t", "\u0000", " ",
            "📈", "\uD834\uDD1E", "\uD800", "\uDFFF", "Ω", "a", "Z", "0", "-", "~"};
    private static final String[] NAMES = {"é", "z", "\uFF5E", "\uD83D\uDE00", "日本", "e\u0301", "שלום", "Zeta",
            "zeta", "a b", "ß", "ü", "\uD834\uDD1E", "x"};

    private record Story(String title, String date, List<String> points, List<String> tags, String author,
                         String slug, String body) {
        String text() {
            StringBuilder b = new StringBuilder("---\ntitle: ").append(quote(title)).append("\ndate: ").append(date)
                    .append('\n');
            if (author != null) b.append("author: ").append(quote(author)).append('\n');
            if (slug != null) b.append("slug: ").append(quote(slug)).append('\n');
            if (points.isEmpty()) {
                b.append("summary: []\n");
            } else {
                b.append("summary:\n");
                for (String p : points) b.append("  - ").append(quote(p)).append('\n');
            }
            b.append("tags: [");
            for (int i = 0; i < tags.size(); i++) b.append(i > 0 ? ", " : "").append(quote(tags.get(i)));
            return b.append("]\n---\n").append(body).append('\n').toString();
        }
    }

    /** A YAML double-quoted scalar (escapes written out, so any character goes through the parser). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c == 0x7F) b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(s.charAt(i - 1)))) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c)); // a lone surrogate, escaped
            }
            else b.append(c);
        }
        return b.append('"').toString();
    }

    @Test
    void randomChainsOfEditsGiveWhatACleanBuildGives() {
        long only = Long.getLong("tickerpress.test.seed", -1);
        int seeds = Integer.getInteger("tickerpress.test.seeds", 1);
        if (only >= 0) {
            run(only, 40);
        } else {
            long firstSeed = Long.getLong("tickerpress.test.firstSeed", 1);
            for (long seed = firstSeed; seed < firstSeed + seeds; seed++) run(seed, 30);
        }
    }

    private void run(long seed, int steps) {
        report.clear();
        Path base = dir.resolve("seed-" + seed);
        src = base.resolve("src");
        out = base.resolve("site");
        try {
            TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(seed);
        Map<String, Story> stories = new TreeMap<>();
        Map<String, List<Story>> history = new HashMap<>();
        LocalDate first = LocalDate.of(2020, 5, 1);
        for (int i = 0; i < 50; i++) {
            String file = "content/articles/" + (i % 5 == 0 ? "sub/" : "") + first.plusDays(i) + "-older-" + i + ".md";
            stories.put(file, new Story("Older Story " + i, first.plusDays(i) + "T09:00:00-04:00",
                    List.of("Point one of " + i + ".", "Point two of " + i + "."),
                    i % 10 == 3 ? List.of("Archive", "T" + i) : List.of("Archive"), "Ann Archivist", null, "The body of story " + i + "."));
        }
        stories.forEach((f, s) -> TestSites.write(src.resolve(f), s.text()));
        step(seed, "first build", false);
        step(seed, "second build", false);
        int added = 0;
        Map<String, Story> good = new TreeMap<>(stories);
        String goodYaml = TestSites.read(src.resolve("content/site.yaml"));
        for (int n = 0; n < steps; n++) {
            List<String> files = new ArrayList<>(stories.keySet());
            int edits = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
            List<String> what = new ArrayList<>();
            boolean clean = random.nextInt(12) == 0;
            for (int e = 0; e < edits; e++) {
                String file = files.get(random.nextInt(files.size()));
                if (!stories.containsKey(file)) continue;
                Story s = stories.get(file);
                history.computeIfAbsent(file, k -> new ArrayList<>()).add(s);
                int kind = random.nextInt(25);
                Story t = s;
                String label;
                if (kind < 4) {
                    t = new Story(words(random, 1 + random.nextInt(5)), s.date(), s.points(), s.tags(), s.author(), s.slug(), s.body());
                    label = "title of " + file;
                } else if (kind < 6) {
                    List<String> p = new ArrayList<>(s.points());
                    p.add(random.nextInt(p.size() + 1), random.nextInt(8) == 0 ? words(random, 400) : words(random, 1 + random.nextInt(4)));
                    t = new Story(s.title(), s.date(), p, s.tags(), s.author(), s.slug(), s.body());
                    label = "key point added to " + file;
                } else if (kind == 6 && !s.points().isEmpty()) {
                    List<String> p = new ArrayList<>(s.points());
                    p.remove(random.nextInt(p.size()));
                    t = new Story(s.title(), s.date(), p, s.tags(), s.author(), s.slug(), s.body());
                    label = "key point removed from " + file;
                } else if (kind == 7) {
                    List<String> p = new ArrayList<>(s.points());
                    if (p.isEmpty()) p.add("");
                    else p.set(random.nextInt(p.size()), random.nextBoolean() ? "" : words(random, 2));
                    t = new Story(s.title(), s.date(), p, s.tags(), s.author(), s.slug(), s.body());
                    label = "key point emptied or changed in " + file;
                } else if (kind < 10) {
                    t = new Story(s.title(), s.date(), s.points(), s.tags(), s.author(), s.slug(),
                            s.body() + "\n\nMore " + words(random, 3).replaceAll("[\\p{Cs}\\x00-\\x1F]", "?") + ".");
                    label = "body of " + file;
                } else if (kind == 10 && history.get(file).size() > 1) {
                    t = history.get(file).get(random.nextInt(history.get(file).size() - 1));
                    label = "an earlier version of " + file;
                } else if (kind == 11) {
                    List<String> tags = new ArrayList<>(s.tags());
                    if (tags.size() > 1 && random.nextBoolean()) tags.remove(tags.size() - 1);
                    else tags.add(NAMES[random.nextInt(NAMES.length)] + " tag");
                    t = new Story(s.title(), s.date(), s.points(), tags, s.author(), s.slug(), s.body());
                    label = "tags of " + file;
                } else if (kind == 12) {
                    t = new Story(s.title(), s.date(), s.points(), s.tags(), random.nextBoolean() ? null
                            : words(random, 2), s.slug(), s.body());
                    label = "author of " + file;
                } else if (kind == 13) {
                    t = new Story(s.title(), s.date(), s.points(), s.tags(), s.author(), random.nextBoolean() ? null
                            : "slug " + words(random, 2), s.body());
                    label = "slug of " + file;
                } else if (kind < 16) {
                    // Renamed: another name (non-ASCII, other folder, case only).
                    String to = renamed(random, file);
                    if (stories.containsKey(to)) continue;
                    stories.remove(file);
                    delete(file);
                    stories.put(to, s);
                    TestSites.write(src.resolve(to), s.text());
                    what.add("renamed " + file + " -> " + to);
                    continue;
                } else if (kind == 16 && stories.size() > 10) {
                    stories.remove(file);
                    delete(file);
                    what.add("deleted " + file);
                    continue;
                } else if (kind == 17) {
                    String day = first.plusDays(random.nextInt(40)).toString();
                    String to = "content/articles/" + (random.nextBoolean() ? "" : NAMES[random.nextInt(NAMES.length)] + "/")
                            + day + "-" + NAMES[random.nextInt(NAMES.length)] + "-" + (++added) + ".md";
                    if (stories.containsKey(to)) continue;
                    Story fresh = new Story(words(random, 3), day + "T1" + random.nextInt(10) + ":00:00-04:00",
                            List.of(words(random, 2)), List.of("Archive"), "Ann Archivist", null, "New " + added + ".");
                    stories.put(to, fresh);
                    TestSites.write(src.resolve(to), fresh.text());
                    what.add("added " + to);
                    continue;
                } else if (kind == 18) {
                    Path yaml = src.resolve("content/site.yaml");
                    String text = TestSites.read(yaml);
                    TestSites.write(yaml, text.contains("The Market Ledger") ? text.replace("The Market Ledger",
                            "The Ledger " + NAMES[random.nextInt(NAMES.length)]) : text.replaceFirst(
                            "title: The Ledger [^\n]*", "title: The Market Ledger"));
                    what.add("site.yaml title");
                    continue;
                } else if (kind == 20) {
                    // A static file of the site's theme (published under assets/), with a non-ASCII name now and then.
                    Path f = src.resolve("templates/static/extra-" + NAMES[random.nextInt(3)] + ".css");
                    if (Files.exists(f) && random.nextBoolean()) {
                        delete(src.relativize(f).toString());
                        what.add("deleted " + src.relativize(f));
                    } else {
                        TestSites.write(f, "/* " + words(random, 2).replaceAll("[\\p{Cs}\\x00-\\x1F]", "?") + " */\n");
                        what.add("wrote " + src.relativize(f));
                    }
                    continue;
                } else if (kind == 21) {
                    // The site's own article template: the built-in one with a comment, or none.
                    Path f = src.resolve("templates/article.ftlh");
                    if (Files.exists(f) && random.nextBoolean()) {
                        delete("templates/article.ftlh");
                        what.add("article template removed");
                    } else {
                        TestSites.write(f, TestSites.read(TestSites.SAMPLE.resolve("templates/article.ftlh"))
                                + "<#-- " + random.nextInt(3) + " -->\n");
                        what.add("article template written");
                    }
                    continue;
                } else if (kind == 22) {
                    Path f = src.resolve("content/digests/2026-01-20.md");
                    TestSites.write(f, TestSites.read(f) + "\nAnd " + random.nextInt(1000) + ".\n");
                    what.add("digest body");
                    continue;
                } else if (kind == 23) {
                    what.add("nothing");
                    continue;
                } else {
                    t = new Story(s.title(), s.date().replace("T09:", "T08:"), s.points(), s.tags(), s.author(), s.slug(), s.body());
                    if (t.equals(s)) t = new Story(s.title(), s.date().replace("T08:", "T09:"), s.points(), s.tags(), s.author(), s.slug(), s.body());
                    label = "time of " + file;
                }
                if (!t.equals(s)) {
                    stories.put(file, t);
                    TestSites.write(src.resolve(file), t.text());
                    what.add(label);
                }
            }
            if (what.isEmpty()) continue;
            if (!step(seed, "step " + n + ": " + String.join("; ", what), clean)) {
                // Both builds failed alike: the input goes back to the last one that built (a build follows a failed one).
                for (String f : new ArrayList<>(stories.keySet())) {
                    if (!good.containsKey(f)) {
                        stories.remove(f);
                        delete(f);
                    }
                }
                good.forEach((f, st) -> {
                    if (!st.equals(stories.get(f))) TestSites.write(src.resolve(f), st.text());
                });
                stories.putAll(good);
                TestSites.write(src.resolve("content/site.yaml"), goodYaml);
            }
            good = new TreeMap<>(stories);
            goodYaml = TestSites.read(src.resolve("content/site.yaml"));
        }
        report.forEach(System.out::println);
    }


    /**
     * Stories at one instant (ties ordered by slug, then file) whose names sort one way in UTF-16 and another in
     * UTF-8 (U+FF5E against U+1F600, 'é' against 'z'), NFC and NFD spellings of one name, an article file replaced
     * by a folder of the same name and back, and title edits between.
     */
    @Test
    void namesThatSortDifferentlyInUtf16AndUtf8AndAFileReplacedByAFolder() throws IOException {
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        String[] names = {"\uFF5E", "\uD83D\uDE00", "\u00E9", "z", "e\u0301", "\uFF5E\uD83D\uDE00", "\uD83D\uDE00\uFF5E"};
        for (int i = 0; i < 30; i++) {
            String name = names[i % names.length];
            String folder = i < names.length ? "" : names[(i / names.length) % names.length] + "/";
            TestSites.write(src.resolve("content/articles/" + folder + "2020-05-01-" + name + ".md"), new Story(
                    "Tie " + name + " " + i, "2020-05-01T09:00:00-04:00", List.of("Point " + name), List.of("Archive"),
                    "Ann", "tie " + name + " " + i, "Body " + i + ".").text());
        }
        for (int i = 0; i < 30; i++) {
            TestSites.write(src.resolve("content/articles/2020-06-" + (10 + i % 18) + "-newer-" + i + ".md"),
                    new Story("Newer " + i, "2020-06-" + (10 + i % 18) + "T09:00:00-04:00", List.of("P."),
                            List.of("Archive"), "Ann", null, "Body.").text());
        }
        step(0, "first build", false);
        step(0, "second build", false);
        for (int round = 0; round < 3; round++) {
            for (String name : names) {
                Path f = src.resolve("content/articles/2020-05-01-" + name + ".md");
                if (!Files.exists(f)) continue;
                TestSites.write(f, TestSites.read(f).replaceFirst("title: \"Tie", "title: \"Tie " + round));
                step(0, "title of " + name + " round " + round, false);
            }
        }
        // A file replaced by a folder of the same name holding an article, then back.
        Path file = src.resolve("content/articles/2020-05-01-z.md");
        String text = TestSites.read(file);
        Files.delete(file);
        TestSites.write(file.resolve("2020-05-02-inner.md"), text.replace("2020-05-01T", "2020-05-02T"));
        step(0, "a file replaced by a folder", false);
        TestSites.deleteTree(file);
        TestSites.write(file, text);
        step(0, "the folder replaced by the file", false);
        TestSites.write(file, text.replace("title: \"Tie", "title: \"Tie again"));
        step(0, "a title edit after", false);
        report.forEach(System.out::println);
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(' ');
            b.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextBoolean()) b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static String renamed(Random random, String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        String folder = file.substring(0, file.lastIndexOf('/') + 1);
        switch (random.nextInt(4)) {
            case 0:
                return folder + name.toUpperCase(Locale.ROOT).replace(".MD", ".md"); // case only
            case 1:
                return "content/articles/" + NAMES[random.nextInt(NAMES.length)] + "/" + name; // another folder
            case 2:
                return "content/articles/" + name; // out of any folder
            default:
                return folder + name.replace(".md", "-" + NAMES[random.nextInt(NAMES.length)] + ".md");
        }
    }

    private void delete(String file) {
        try {
            Files.delete(src.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds incrementally, then cleanly elsewhere; requires the same files, bytes and warnings, or the same error. */
    private boolean step(long seed, String edit, boolean clean) {
        String at = "seed " + seed + ", " + edit + (clean ? " (--clean)" : "");
        BuildResult r = null;
        String error = null;
        try {
            r = SiteBuilder.build(TestSites.options(src, out).withClean(clean));
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Path cleanOut = dir.resolve("clean-" + (++cleanBuilds));
        BuildResult expected = null;
        String expectedError = null;
        try {
            expected = SiteBuilder.build(TestSites.options(src, cleanOut).withClean(true)
                    .withCacheDir(dir.resolve("clean-cache")));
        } catch (RuntimeException e) {
            expectedError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (expectedError != null || error != null) {
            report.add(at + ": error " + error);
            if (!java.util.Objects.equals(expectedError, error)) {
                report.forEach(System.out::println);
                fail(at + ": the incremental build gave " + error + ", a clean build " + expectedError);
            }
            if (Files.exists(cleanOut)) TestSites.deleteTree(cleanOut);
            return false;
        }
        String differ = TestSites.filesDiffer(TestSites.digests(TestSites.snapshot(cleanOut)),
                TestSites.digests(TestSites.snapshot(out)));
        report.add(String.format(Locale.ROOT, "%s: %d of %d rendered%s", at, r.pagesRendered(), r.pages(),
                r.stageMillis().containsKey(ArticleEdits.STAGE) ? " (quick)" : ""));
        if (!differ.isEmpty()) {
            report.forEach(System.out::println);
            fail(at + " (" + (r.stageMillis().containsKey(ArticleEdits.STAGE) ? "quick path" : "full build")
                    + "): the incremental build differs from a clean one: " + differ);
        }
        assertEquals(expected.warnings(), r.warnings(), at + ": the warnings of a clean build");
        TestSites.deleteTree(cleanOut);
        return true;
    }
}
