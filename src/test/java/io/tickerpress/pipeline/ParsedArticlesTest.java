package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build parses only the articles whose file changed since an earlier build; the others come from the store of
 * parsed articles, found by the content hash the input index recorded. Whatever the store holds, the site is
 * the one that parsing every file gives.
 */
class ParsedArticlesTest {
    @TempDir
    Path dir;

    private Path src;
    private Path out;

    private void site(int articles) {
        Map<String, String> files = new HashMap<>();
        for (int i = 1; i <= articles; i++) {
            files.put(String.format("content/articles/2026-01-%02d-story-%d.md", i, i), TestSites.article("Story " + i,
                    String.format("2026-01-%02dT10:00:00-05:00", i), "tags: [Markets]\nsummary: [\"Point " + i + "\"]\n",
                    "Body of story " + i + "."));
        }
        src = TestSites.site(dir.resolve("src"), files);
        out = dir.resolve("site");
    }

    private String text(String path) {
        Document page = TestSites.page(out, path);
        return page.text();
    }

    @Test
    void onlyTheEditedArticleIsParsedAgain() throws IOException {
        site(6);
        assertEquals(6, TestSites.build(src, out).inputsParsed(), "a first build parses every article");
        Path third = src.resolve("content/articles/2026-01-03-story-3.md");
        Files.writeString(third, Files.readString(third).replace("Body of story 3.", "Body of story 3, edited."));
        BuildResult edited = TestSites.build(src, out);
        // A body edit takes the quick path of ArticleEdits, which reads no store: it parses the edited article, its
        // neighbours and the 5 newest stories from their files, here stories {2, 4} + {3} + {2..6} = 5 files.
        assertTrue(edited.stageMillis().containsKey(ArticleEdits.STAGE), "a body edit takes the quick path");
        assertEquals(5, edited.inputsParsed(), "the edited article, its neighbours and the newest stories");
        assertTrue(text("news/2026/01/03/story-3/").contains("Body of story 3, edited."));
        // Another article's page, rendered from the store's entry when its neighbour's title changes.
        Files.writeString(third, Files.readString(third).replace("title: \"Story 3\"", "title: \"Story Three\""));
        assertEquals(1, TestSites.build(src, out).inputsParsed());
        String fourth = text("news/2026/01/04/story-4/");
        assertTrue(fourth.contains("Story Three"), "the neighbour link shows the new title: " + fourth);
        assertTrue(fourth.contains("Body of story 4."), "its own body, read from its file: " + fourth);
    }

    @Test
    void aRenamedFileWithTheSameBytesGetsItsNewSlug() throws IOException {
        site(3);
        TestSites.build(src, out);
        Path second = src.resolve("content/articles/2026-01-02-story-2.md");
        Files.move(second, src.resolve("content/articles/2026-01-02-renamed-story.md"));
        TestSites.build(src, out);
        assertTrue(Files.isRegularFile(out.resolve("news/2026/01/02/renamed-story/index.html")),
                "the slug comes from the new file name, not the stored entry's");
        assertFalse(Files.exists(out.resolve("news/2026/01/02/story-2/index.html")));
    }

    @Test
    void aDamagedStoreIsIgnoredAndEveryArticleParsedAgain() throws IOException {
        site(4);
        TestSites.build(src, out);
        Path store = TestSites.options(src, out).cacheDir().resolve("parsed-articles.bin");
        assertTrue(Files.isRegularFile(store), "the store is kept in the cache folder");
        byte[] bytes = Files.readAllBytes(store);
        Files.write(store, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut in the middle
        Path first = src.resolve("content/articles/2026-01-01-story-1.md");
        Files.writeString(first, Files.readString(first).replace("Body of story 1.", "Body of story 1, again."));
        assertEquals(4, TestSites.build(src, out).inputsParsed(), "nothing is taken from a cut store");
        assertTrue(text("news/2026/01/01/story-1/").contains("Body of story 1, again."));
        assertTrue(text("news/2026/01/02/story-2/").contains("Body of story 2."));

        Files.writeString(store, "garbage");
        Files.writeString(first, Files.readString(first).replace("again", "once more"));
        assertEquals(4, TestSites.build(src, out).inputsParsed(), "nor from garbage");
        assertTrue(text("news/2026/01/01/story-1/").contains("once more"));
    }

    @Test
    void aNewTimeZoneParsesEveryArticleAgain() throws IOException {
        site(2);
        TestSites.build(src, out);
        Path yaml = src.resolve("content/site.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "timezone: Asia/Tokyo\n");
        assertEquals(2, TestSites.build(src, out).inputsParsed(), "the zone decides what a date without one means");
    }
}
