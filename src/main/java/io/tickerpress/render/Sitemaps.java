package io.tickerpress.render;

import io.tickerpress.derive.PageRecord;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.render.view.SitemapView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The sitemap of every page, in files of the size the sitemaps.org protocol allows: at most 50,000 URLs and
 * 50 MB each. A site within that gets one {@code sitemap.xml}, as always; a larger one gets {@code sitemap-1.xml},
 * {@code sitemap-2.xml}, ... (the pages in path order) and {@code sitemap.xml} becomes their sitemap index, so
 * robots.txt and search consoles keep one address. Each file is rendered and handed on by itself: the build
 * never holds more than one file's text, however many pages the site has.
 */
public final class Sitemaps {
    /** The sitemap file that robots.txt names: the only sitemap, or the index of them. */
    public static final String MAIN = "sitemap.xml";
    /** sitemaps.org: "no more than 50,000 URLs"; tests lower it with the system property to split small sites. */
    static final int MAX_URLS = Math.max(1, Math.min(50_000, Integer.getInteger("tickerpress.sitemap.maxUrls", 50_000)));
    /** sitemaps.org: "no larger than 50MB (52,428,800 bytes)", uncompressed. */
    static final int MAX_BYTES = 52_428_800;

    /** The pages in path order: the order the sitemap files list them in, and the order they are hashed in. */
    private final List<PageRecord> sorted;

    private Sitemaps(List<PageRecord> pages) {
        List<PageRecord> sorted = new ArrayList<>(pages);
        sorted.sort(PageRecord.BY_PATH);
        this.sorted = sorted;
    }

    /** The name of the n-th (1-based) sitemap file listed by the index. */
    public static String part(int n) {
        return String.format(Locale.ROOT, "sitemap-%d.xml", n);
    }

    /** The sitemaps of these pages (every page of the build, in any order). */
    public static Sitemaps of(List<PageRecord> pages) {
        return new Sitemaps(pages);
    }

    /** What the sitemap files are made from: every page's path and last change (and the files' URL limit). */
    public String fingerprint() {
        Fingerprint.Parts hash = new Fingerprint.Parts().add(Integer.toString(MAX_URLS));
        for (PageRecord p : sorted) hash.add(p.path()).add(p.lastmod().toString());
        return hash.hex();
    }

    /** Hands every sitemap file (site path, bytes) to {@code files}, the index last. */
    public void write(FeedRenderer feeds, BiConsumer<String, byte[]> files) {
        List<SitemapView.Entry> index = new ArrayList<>();
        int from = 0;
        do {
            int to = Math.min(sorted.size(), from + MAX_URLS);
            byte[] bytes = bytes(feeds.sitemap(sorted.subList(from, to)));
            while (bytes.length > MAX_BYTES && to - from > 1) { // long URLs: fewer of them in a file
                to = from + (to - from) / 2;
                bytes = bytes(feeds.sitemap(sorted.subList(from, to)));
            }
            if (from == 0 && to == sorted.size()) {
                files.accept(MAIN, bytes);
                return;
            }
            String name = part(index.size() + 1);
            files.accept(name, bytes);
            Instant newest = sorted.subList(from, to).stream().map(PageRecord::lastmod).max(Instant::compareTo)
                    .orElseThrow();
            index.add(feeds.sitemapEntry(name, newest));
            from = to;
        } while (from < sorted.size());
        files.accept(MAIN, bytes(feeds.sitemapIndex(index)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
