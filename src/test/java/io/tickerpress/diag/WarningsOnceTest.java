package io.tickerpress.diag;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * README: "build prints warnings (each once, with file and line)". Raw HTML in Markdown is a warning per line: a
 * line with an opening and a closing tag ({@code <b>x</b>}, two inline HTML nodes) printed the same line twice
 * and counted two warnings.
 */
class WarningsOnceTest {
    @TempDir
    Path dir;

    @Test
    void theSameWarningForTheSameLineIsPrintedOnce() {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-html.md",
                TestSites.article("Bold Move", "2026-01-05T09:00:00-05:00", "", "Shares <b>rose</b> sharply.")));
        var result = TestSites.build(src, dir.resolve("out"));
        List<String> raw = result.warnings().stream().filter(w -> w.contains("raw HTML left out")).toList();
        assertEquals(1, raw.size(), result.warnings().toString());
        assertEquals(1, result.warnings().size(), result.warnings().toString());
    }
}
