package io.tickerpress.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link InputIndex#under}: the files below a folder, and no file of a folder whose name only starts the same. */
class InputIndexUnderTest {
    private static InputIndex.Entry entry(int n) {
        return new InputIndex.Entry(n, n, n, n, String.format(java.util.Locale.ROOT, "%032x", n));
    }

    @Test
    void theFilesBelowAFolderAndNoOthers() {
        Map<String, InputIndex.Entry> files = new TreeMap<>();
        String[] paths = {"content/articles/a.md", "content/market", "content/market-notes.txt", "content/market.json",
                "content/market/2026-01-02.json", "content/market/history/SPX.csv", "content/marketing/x.json",
                "content/site.yaml", "templates/market/x.ftl"};
        for (int i = 0; i < paths.length; i++) files.put(paths[i], entry(i + 1));
        InputIndex index = InputIndex.of(files, 0);
        Map<String, InputIndex.Entry> under = index.under("content/market");
        assertEquals(List.of("content/market/2026-01-02.json", "content/market/history/SPX.csv"), List.copyOf(under.keySet()));
        assertEquals(entry(5), under.get("content/market/2026-01-02.json"));
        assertEquals(entry(6), under.get("content/market/history/SPX.csv"));
        assertEquals(Map.of(), index.under("content/none"));
        assertEquals(Map.of(), InputIndex.of(Map.of(), 0).under("content/market"));
    }
}
