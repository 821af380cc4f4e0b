package io.tickerpress.pipeline;

import io.tickerpress.diag.InputError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every clash of two outputs is found whichever comes first, and named the same way whatever the order. */
class OutputPathsTest {
    private static OutputPaths.Source page(String name) {
        return OutputPaths.Source.generated(name);
    }

    @Test
    void aFileWhereOthersNeedAFolderNamesTheFirstOfThemInPathOrder() {
        OutputPaths paths = new OutputPaths();
        // Claimed in an order that is not the path order: the message must not depend on it.
        paths.claim("news/x/page/2/index.html", page("page 2 of x"));
        paths.claim("news/x/index.html", page("the page of x"));
        paths.claim("news/y/index.html", page("the page of y"));
        InputError e = assertThrows(InputError.class, () -> paths.claim("news/x", page("a file named x")));
        // "news/x/index.html" < "news/x/page/2/index.html" ('i' < 'p'): the first file below the folder.
        assertTrue(e.getMessage().contains("the page of x"), e.getMessage());
        assertTrue(e.getMessage().contains("news/x/index.html"), e.getMessage());

        // Case-insensitive file systems: NEWS/Y is the folder news/y.
        assertThrows(InputError.class, () -> paths.claim("NEWS/Y", page("another file")));
    }

    @Test
    void aFileInsideAFolderThatIsAFileIsAClashInEitherOrder() {
        OutputPaths first = new OutputPaths();
        first.claim("a/b", page("the file b"));
        assertThrows(InputError.class, () -> first.claim("a/b/c/index.html", page("a page below b")));

        OutputPaths second = new OutputPaths();
        second.claim("a/b/c/index.html", page("a page below b"));
        assertThrows(InputError.class, () -> second.claim("a/b", page("the file b")));
        assertThrows(InputError.class, () -> second.claim("a", page("the file a")));
        assertThrows(InputError.class, () -> second.claim("a/b/c/index.html", page("the same page again")));
    }

    @Test
    void filesThatShareFoldersOrPrefixesDoNotClash() {
        OutputPaths paths = new OutputPaths();
        paths.claim("tags/a/index.html", page("tag a"));
        assertDoesNotThrow(() -> paths.claim("tags/a/feed.xml", page("feed of a")));
        assertDoesNotThrow(() -> paths.claim("tags/ab", page("a file whose name starts like the folder a")));
        assertDoesNotThrow(() -> paths.claim("tags/a-b/index.html", page("tag a-b")));
        assertDoesNotThrow(() -> paths.claim("tag", page("a file named like the start of a folder")));
    }

    @Test
    void aClashIsFoundAmongManyClaimsAndNamesTheArticleAndItsFix() {
        OutputPaths paths = new OutputPaths();
        // Enough claims that the table is enlarged several times after the first one.
        for (int i = 0; i < 20_000; i++) {
            paths.claim("news/" + i + "/index.html", OutputPaths.Source.article("content/articles/" + i + ".md"));
        }
        InputError e = assertThrows(InputError.class, () -> paths.claim("news/7/index.html", page("the tags index")));
        // The article is the subject (its file comes first), the other output and the article's fix follow.
        assertTrue(e.getMessage().startsWith("content/articles/7.md"), e.getMessage());
        assertTrue(e.getMessage().contains("writes news/7/index.html, and so does the tags index"), e.getMessage());
        assertTrue(e.getMessage().contains("give the article another 'slug'"), e.getMessage());
        assertThrows(InputError.class, () -> paths.claim("news/19999", page("a file where a page needs a folder")));
        assertDoesNotThrow(() -> paths.claim("news/20000/index.html", page("one more page")));
    }
}
