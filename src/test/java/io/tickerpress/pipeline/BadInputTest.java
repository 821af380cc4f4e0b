package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input fails the build with the file, the line and what is wrong, and never touches the old site. */
class BadInputTest {
    @TempDir
    Path dir;

    private InputError fail(String fileName, String text) {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/" + fileName, text));
        return assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing title      | ---\\ndate: 2026-01-05T09:00:00-05:00\\n---\\nBody                  | 2 | missing required field 'title'
            empty title        | ---\\ntitle: ''\\ndate: 2026-01-05T09:00:00-05:00\\n---\\nBody       | 2 | 'title' must not be empty
            missing date       | ---\\ntitle: A\\n---\\nBody                                         | 2 | missing required field 'date'
            unparseable date   | ---\\ntitle: A\\ndate: next tuesday\\n---\\nBody                    | 3 | 'date' is not a date: 'next tuesday'
            impossible date    | ---\\ntitle: A\\ndate: 2026-02-30T09:00:00-05:00\\n---\\nBody       | 3 | 'date' is not a real date or time: '2026-02-30T09:00:00-05:00': February 2026 has 28 days, not 30
            broken YAML        | ---\\ntitle: A\\ndate: [2026\\n---\\nBody                           | 3 | malformed YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>
            unknown field      | ---\\ntitle: A\\ndate: 2026-01-05\\ntittle: B\\n---\\nBody         | 4 | unknown field 'tittle' (did you mean 'title'?)
            wrong type         | ---\\ntitle: A\\ndate: 2026-01-05\\ntags: {a: 1}\\n---\\nBody      | 4 | 'tags' must be a list of text values, not a mapping
            no front matter    | # Just Markdown\\n                                                | 1 | missing front matter
            unclosed front     | ---\\ntitle: A\\ndate: 2026-01-05\\n                               | 1 | never closed
            empty file         | ''                                                               | 1 | file is empty
            bad source url     | ---\\ntitle: A\\ndate: 2026-01-05\\nsources:\\n  - name: X\\n    url: javascript:alert(1)\\n---\\nB | 6 | source url must be an http(s) link
            draft not boolean  | ---\\ntitle: A\\ndate: 2026-01-05\\ndraft: maybe\\n---\\nBody      | 4 | 'draft' must be true or false
            """)
    void frontMatterErrorsNameFileLineAndProblem(String name, String text, int line, String message) {
        InputError e = fail("2026-01-05-bad.md", text.equals("''") ? "" : text.replace("\\n", "\n"));
        assertTrue(e.file().endsWith("content/articles/2026-01-05-bad.md"), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("2026-01-05-bad.md:" + line + ":"), e.getMessage());
    }

    @Test
    void twoFilesWhoseNamesPrintTheSameAreToldApart() {
        // One name with "é" composed (U+00E9), one with "e" and the combining acute accent (U+0301): two files on
        // Linux, printed alike. The expected spellings are written out by hand from those code points.
        Path src = TestSites.site(dir.resolve("alike"), Map.of(
                "content/articles/2026-01-05-caf\u00e9.md", TestSites.article("One", "2026-01-05T09:00:00-05:00", "", "x"),
                "content/articles/2026-01-05-cafe\u0301.md", TestSites.article("Two", "2026-01-05T10:00:00-05:00", "", "y")));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.getMessage().contains("2026-01-05-caf<U+00E9>.md"), e.getMessage());
        assertTrue(e.getMessage().contains("2026-01-05-cafe<U+0301>.md"), e.getMessage());
        assertTrue(e.getMessage().contains("delete or rename one of them"), e.getMessage());
    }

    @Test
    void twoArticlesAtOneUrlNameBothFiles() {
        Path src = TestSites.site(dir.resolve("dup"), Map.of(
                "content/articles/a/2026-01-05-same.md", TestSites.article("One", "2026-01-05T09:00:00-05:00", "", "x"),
                "content/articles/b/2026-01-05-same.md", TestSites.article("Two", "2026-01-05T10:00:00-05:00", "", "y")));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.getMessage().contains("a/2026-01-05-same.md"), e.getMessage());
        assertTrue(e.getMessage().contains("b/2026-01-05-same.md"), e.getMessage());
        assertTrue(e.getMessage().contains("same URL /news/2026/01/05/same/"), e.getMessage());
    }

    @Test
    void siteYamlErrorsNameTheLine() {
        Path src = dir.resolve("cfg");
        TestSites.write(src.resolve("content/site.yaml"), "title: X\ntimezone: Mars/Olympus\n");
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith("content/site.yaml"));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("not a known time zone"), e.getMessage());
    }

    @Test
    void failedBuildLeavesThePreviousSiteByteForByte() throws Exception {
        Path src = TestSites.site(dir.resolve("keep"), Map.of(
                "content/articles/2026-01-05-good.md", TestSites.article("Good", "2026-01-05T09:00:00-05:00", "", "Fine.")));
        Path out = dir.resolve("keep-out");
        TestSites.build(src, out);
        Map<String, byte[]> before = TestSites.snapshot(out);

        TestSites.write(src.resolve("content/articles/2026-01-06-bad.md"), "---\ntitle: Bad\n---\nNo date.");
        assertThrows(InputError.class, () -> TestSites.build(src, out));
        assertSnapshotsEqual(before, TestSites.snapshot(out));

        // A template error (a failure in the render stage, after pages started to be written) too.
        Files.delete(src.resolve("content/articles/2026-01-06-bad.md"));
        TestSites.write(src.resolve("templates/article.ftlh"), "<h1>${article.nosuchfield}</h1>");
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, out));
        assertTrue(e.file().endsWith("templates/article.ftlh"), e.getMessage());
        assertEquals(1, e.line());
        assertSnapshotsEqual(before, TestSites.snapshot(out));
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("staging")), "staging cleaned up");
        }
    }

    @Test
    void templateSyntaxErrorNamesTheUserTemplate() {
        Path src = TestSites.site(dir.resolve("tpl"), Map.of(
                "content/articles/2026-01-05-good.md", TestSites.article("Good", "2026-01-05T09:00:00-05:00", "", "Fine."),
                "templates/home.ftlh", "<p>ok</p>\n<#if>\n"));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith("templates/home.ftlh"), e.getMessage());
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.problem().startsWith("template syntax error"), e.getMessage());
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite() throws Exception {
        Path src = TestSites.site(dir.resolve("guard"), Map.of(
                "content/articles/x.md", TestSites.article("X", "2026-01-05T09:00:00-05:00", "", "x")));
        Path precious = dir.resolve("precious");
        TestSites.write(precious.resolve("thesis.txt"), "years of work");
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, precious));
        assertTrue(e.problem().contains("was not written by TickerPress"), e.getMessage());
        assertEquals("years of work", Files.readString(precious.resolve("thesis.txt")));
    }

    private static void assertSnapshotsEqual(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, b.get(k)), "changed: " + k));
    }
}
