package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.Slugs;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tags in any script: a tag written in Japanese or Cyrillic gets its page, at a folder named with its letters and
 * linked percent-encoded (UTF-8), shown as written. Names that differ only in case or normalisation form are one
 * page, and never silently. The expected URLs are the UTF-8 bytes of the letters, worked out by hand.
 */
class NonLatinTagsTest {
    /** 日 U+65E5 = E6 97 A5, 本 U+672C = E6 9C AC. */
    private static final String NIHON = "%E6%97%A5%E6%9C%AC";
    /** россия: р D1 80, о D0 BE, с D1 81, с D1 81, и D0 B8, я D1 8F. */
    private static final String ROSSIYA = "%D1%80%D0%BE%D1%81%D1%81%D0%B8%D1%8F";

    @TempDir
    Path dir;

    private Path site(Map<String, String> articles) {
        return TestSites.site(dir.resolve("src"), articles);
    }

    private static String story(String title, String day, String tags) {
        return TestSites.article(title, "2026-01-" + day + "T09:00:00-05:00", "tags: " + tags + "\n", "Body.");
    }

    @Test
    void aTagInJapaneseOrCyrillicHasItsPage() {
        Path out = dir.resolve("out");
        TestSites.build(site(Map.of("content/articles/2026-01-05-a.md", story("A", "05", "[日本, Россия, <b>Ü</b>]"))), out);
        assertTrue(Files.isRegularFile(out.resolve("tags/日本/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("tags/россия/index.html")));

        Document article = TestSites.page(out, "/news/2026/01/05/a/");
        List<String> hrefs = article.select("a[href^=/tags/]").eachAttr("href");
        assertTrue(hrefs.contains("/tags/" + NIHON + "/"), hrefs.toString());
        assertTrue(hrefs.contains("/tags/" + ROSSIYA + "/"), hrefs.toString());
        assertTrue(hrefs.contains("/tags/b-u-b/"), hrefs.toString()); // a Latin tag keeps the slug it always had
        Element link = article.selectFirst("a[href=/tags/" + ROSSIYA + "/]");
        assertEquals("Россия", link.text()); // shown as written, not lower-cased
        assertEquals("<b>Ü</b>", article.selectFirst("a[href=/tags/b-u-b/]").text()); // escaped: text, not markup

        Document tagPage = TestSites.page(out, "/tags/日本/");
        assertEquals("日本", tagPage.selectFirst("h1").text());
        assertEquals("https://test.example.com/tags/" + NIHON + "/",
                tagPage.selectFirst("link[rel=canonical]").attr("href"));
        String sitemap = TestSites.read(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://test.example.com/tags/" + ROSSIYA + "/</loc>"), sitemap);
        assertTrue(TestSites.read(out.resolve("tags/россия/feed.xml"))
                .contains("https://test.example.com/tags/" + ROSSIYA + "/feed.xml"));
    }

    @Test
    void caseAndNormalisationFormMakeOnePageWithAWarning() throws java.io.IOException {
        String nfd = Normalizer.normalize("Café Россия", Normalizer.Form.NFD); // "e" + U+0301, "И" + U+0306 below
        Path out = dir.resolve("out");
        BuildResult r = TestSites.build(site(Map.of(
                "content/articles/2026-01-06-a.md", story("A", "06", "[РОССИЯ, Йод]"),
                "content/articles/2026-01-05-b.md", story("B", "05", "[россия, " + Normalizer.normalize("Йод", Normalizer.Form.NFD) + "]"),
                "content/articles/2026-01-04-c.md", story("C", "04", "[\"" + nfd + "\"]"),
                "content/articles/2026-01-03-d.md", story("D", "03", "[Café россия]"))), out);
        try (var folders = Files.list(out.resolve("tags"))) {
            List<String> names = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("cafe-россия", "йод", "россия"), names);
        }
        Document page = TestSites.page(out, "/tags/россия/");
        assertEquals("РОССИЯ", page.selectFirst("h1").text()); // as the newest article writes it
        assertEquals(List.of("A", "B"), page.select(".teaser-title a").eachText()); // each article once
        assertEquals(List.of("A", "B"), TestSites.page(out, "/tags/йод/").select(".teaser-title a").eachText());
        assertEquals("Йод", TestSites.page(out, "/tags/йод/").selectFirst("h1").text());
        String warnings = String.join("\n", r.warnings());
        assertTrue(warnings.contains("2026-01-05-b.md: tag 'россия' and tag 'РОССИЯ'"), warnings);
        assertTrue(warnings.contains("normalisation form"), warnings); // Йод in NFD and in NFC; Café ... in NFD
        assertTrue(warnings.contains("/tags/cafe-россия/"), warnings);
    }

    @Test
    void authorsThatDifferInCaseOrNormalisationFormAreOnePageWithTheTagsWarning() {
        String nfd = "Jose\u0301 Nu\u0301n\u0303ez"; // "José Núñez" with its accents as combining marks
        Path out = dir.resolve("out");
        BuildResult r = TestSites.build(site(Map.of(
                "content/articles/2026-01-06-a.md", byline("A", "06", "Dana Whitfield"),
                "content/articles/2026-01-05-b.md", byline("B", "05", "dana whitfield"),
                "content/articles/2026-01-04-c.md", byline("C", "04", "Jos\u00e9 N\u00fa\u00f1ez"),
                "content/articles/2026-01-03-d.md", byline("D", "03", nfd))), out);
        try (var folders = Files.list(out.resolve("authors"))) {
            List<String> names = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("dana-whitfield", "jose-nunez"), names);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Document dana = TestSites.page(out, "/authors/dana-whitfield/");
        assertEquals(List.of("A", "B"), dana.select(".teaser-title a").eachText());
        String warnings = String.join("\n", r.warnings());
        assertTrue(warnings.contains("2026-01-05-b.md: author 'dana whitfield' and author 'Dana Whitfield'"
                + " (they differ in case or in characters a URL leaves out) are one page, /authors/dana-whitfield/,"
                + " headed 'Dana Whitfield' as the newest article writes it: write the author one way"), warnings);
        assertTrue(warnings.contains("2026-01-03-d.md: author '" + nfd + "' and author 'Jos\u00e9 N\u00fa\u00f1ez'"
                + " (the same letters in another Unicode normalisation form, NFC or NFD) are one page,"
                + " /authors/jose-nunez/"), warnings);
        assertEquals(2, r.warnings().stream().filter(w -> w.contains(": author '")).count(), warnings); // each once
    }

    private static String byline(String title, String day, String author) {
        return TestSites.article(title, "2026-01-" + day + "T09:00:00-05:00", "author: " + author + "\n", "Body.");
    }

    @Test
    void oneArticleWritingOneTagTwoWaysIsAnError() {
        InputError e = assertThrows(InputError.class, () -> TestSites.build(site(Map.of(
                "content/articles/2026-01-05-a.md", story("A", "05", "[Rates, Россия, россия]"))), dir.resolve("out")));
        assertTrue(e.getMessage().contains("2026-01-05-a.md:4"), e.getMessage());
        assertTrue(e.getMessage().contains("tags 'Россия' and 'россия' are one tag, at /tags/россия/"), e.getMessage());
    }

    @Test
    void aTagOfNoLettersInAnyScriptIsStillAnError() {
        InputError e = assertThrows(InputError.class, () -> TestSites.build(site(Map.of(
                "content/articles/2026-01-05-a.md", story("A", "05", "[\"—!\"]"))), dir.resolve("out")));
        assertTrue(e.getMessage().contains("tag '—!' has no letters or digits"), e.getMessage());
    }

    @Test
    void theTermSlugRule() {
        // Latin text: the rule titles use, to the character (existing tag URLs stay as they are).
        for (String s : List.of("Small Caps", "Café Straße — Øresund", "S&P 500", "Işık", "ﬁ ½ ²", "a".repeat(79) + " bcd")) {
            assertEquals(Slugs.slugify(s), Slugs.termSlug(s), s);
        }
        assertEquals("日本-経済", Slugs.termSlug("日本 / 経済"));
        assertEquals("ガソリン", Slugs.termSlug("ｶﾞｿﾘﾝ")); // half-width kana: their full-width letters (NFKC)
        assertEquals("ガソリン", Slugs.termSlug(Normalizer.normalize("ガソリン", Normalizer.Form.NFD)));
        assertEquals("हिन्दी", Slugs.termSlug("हिन्दी")); // vowel signs and virama are marks: kept with their letter
        assertEquals("οδοσ", Slugs.termSlug("ΟΔΟΣ"));
        assertEquals("οδοσ", Slugs.termSlug("οδος")); // final sigma: one page with the capital form
        assertEquals("コーヒー", Slugs.termSlug("コーヒー")); // the long-vowel mark is a letter of the common script
        assertEquals("", Slugs.termSlug("—!"));
        String cut = Slugs.termSlug("日".repeat(100));
        assertEquals(80, cut.length()); // 80 characters, 240 bytes of UTF-8
        assertEquals(240, cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        String wide = Slugs.termSlug("𠀀".repeat(100)); // U+20000: 4 bytes of UTF-8 each, so 60 of them
        assertEquals(60, wide.codePointCount(0, wide.length()));
    }
}
