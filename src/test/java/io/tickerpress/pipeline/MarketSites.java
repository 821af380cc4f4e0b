package io.tickerpress.pipeline;

import io.tickerpress.TestSites;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The small market sites the tests of figures build once per class and read back as a reader sees them. */
final class MarketSites {
    private MarketSites() {
    }

    /**
     * Writes a site into {@code dir/src} whose site.yaml names the market's sidebar board, benchmark and main index,
     * with the given files (paths relative to the site folder), and builds it into {@code dir/site}.
     *
     * @return the built site
     */
    static Path built(Path dir, String board, String benchmark, String mainIndex, Map<String, String> files) {
        Map<String, String> all = new HashMap<>(files);
        all.put("content/site.yaml", TestSites.SITE_YAML + "market:\n  board: [" + board + "]\n  benchmark: "
                + benchmark + "\n  mainIndex: " + mainIndex + "\n");
        Path site = dir.resolve("site");
        TestSites.build(TestSites.site(dir.resolve("src"), all), site);
        return site;
    }
}
