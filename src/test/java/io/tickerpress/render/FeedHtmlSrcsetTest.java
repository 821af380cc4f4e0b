package io.tickerpress.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** srcset candidates as HTML defines them: URL, optional descriptor, comma-separated; each URL made absolute. */
class FeedHtmlSrcsetTest {
    private static final String PAGE = "https://x.example/ledger/news/a/";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // worked out by hand against the page https://x.example/ledger/news/a/
            "/c/a.png 1x, /c/b.png 2x | https://x.example/c/a.png 1x, https://x.example/c/b.png 2x",
            "/c/a.png 1x,/c/b.png 2x  | https://x.example/c/a.png 1x, https://x.example/c/b.png 2x",
            "a.png 480w, ../b.png 960w | https://x.example/ledger/news/a/a.png 480w, https://x.example/ledger/news/b.png 960w",
            "/only.png                | https://x.example/only.png",
            "/x.png,, /y.png 2x       | https://x.example/x.png, https://x.example/y.png 2x",
            "https://cdn.example/z.png 2x | https://cdn.example/z.png 2x"})
    void everyCandidateBecomesAbsolute(String srcset, String expected) {
        assertEquals(expected, FeedHtml.srcset(srcset, PAGE));
    }
}
