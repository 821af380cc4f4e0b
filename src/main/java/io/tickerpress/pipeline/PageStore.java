package io.tickerpress.pipeline;

import io.tickerpress.derive.PageRecord;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.SourcePaths;
import io.tickerpress.render.PreparedPage;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.PageEntries;
import io.tickerpress.write.StagingFolder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the build's HTML pages: renders a page only when its fingerprint differs from the previous build's,
 * and otherwise carries the previous file over (with the chart files it shows and the warnings it raised).
 */
final class PageStore {
    private static final Pattern CHART_FILE = Pattern.compile("charts/([0-9a-f]{32}(?:-narrow)?(?:-dark)?(?:@2x)?\\.(?:png|svg))");

    private final StagingFolder out;
    private final BuildManifest previous;
    private final Charts charts;
    private final Diagnostics diagnostics;
    /** Names the files in the warnings kept with each page (the same from any working folder). */
    private final SourcePaths sourcePaths;
    /** Each page's manifest entry, put aside as it is made (not held: a large archive has millions of pages). */
    private final PageEntries entries;
    private final Map<String, BuildManifest.Group> groups = new ConcurrentHashMap<>();
    /** The sitemaps' records of the pages; like {@link #paths}, dropped once every file is written ({@link #written}). */
    private List<PageRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final Progress progress;
    private OutputPaths paths = new OutputPaths();

    PageStore(StagingFolder out, BuildManifest previous, PageEntries entries, Charts charts, Diagnostics diagnostics,
              SourcePaths sourcePaths, Progress progress) {
        this.out = out;
        this.entries = entries;
        this.previous = previous;
        this.charts = charts;
        this.diagnostics = diagnostics;
        this.sourcePaths = sourcePaths;
        this.progress = progress;
    }

    /**
     * Writes the page at a pretty URL path ("" for the home page) or at a file path ending in ".html".
     *
     * @throws io.tickerpress.diag.InputError when another output of this build has the same path
     */
    void page(String path, OutputPaths.Source source, PreparedPage page, Instant lastmod) {
        HeapGuard.check();
        String file = path.endsWith(".html") ? path : path + "index.html";
        paths.claim(file, source);
        BuildManifest.Entry before = previous.pages().get(file);
        if (before != null && before.fingerprint().equals(page.fingerprint()) && canReuse(file, before)
                && out.carryOver(file)) {
            before.charts().forEach(charts::carry);
            before.warnings().forEach(w -> diagnostics.replay(w, sourcePaths));
            entries.put(file, before);
            reused.incrementAndGet();
        } else {
            Diagnostics own = new Diagnostics();
            String html = page.render().apply(own);
            out.write(file, html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            diagnostics.addAll(own);
            entries.put(file, new BuildManifest.Entry(page.fingerprint(), chartFiles(html), own.stored(sourcePaths)));
            rendered.incrementAndGet();
        }
        if (!path.endsWith(".html")) records.add(PageRecord.ofFile(file, lastmod)); // the file's string, no copy
        progress.step();
    }

    /** Writes a file that is not a page (a feed, the search index, a theme file). */
    void file(String path, OutputPaths.Source source, byte[] content) {
        HeapGuard.check();
        paths.claim(path, source);
        out.write(path, content);
    }

    /**
     * Writes a group of files that are not pages (a feed, the sitemaps, the search index), made by {@code make}
     * from inputs whose fingerprint is {@code fingerprint}. When the previous build made the group from the same
     * fingerprint, its files are carried over and {@code make} does not run.
     *
     * @param fingerprint null when unknown: the group is made anew, now and in the next build
     * @param source what each file of the group is, by its path (for the message when two outputs clash)
     */
    void files(String group, String fingerprint, java.util.function.Function<String, OutputPaths.Source> source,
               java.util.function.Consumer<java.util.function.BiConsumer<String, byte[]>> make) {
        files(group, fingerprint, source, (previous, files) -> make.accept(files::write));
    }

    /** Makes a group's files; may keep files of the previous build's group instead of writing them again. */
    interface GroupMaker {
        /**
         * @param previous the previous build's group when every one of its files is there to keep, else null
         */
        void make(BuildManifest.Group previous, GroupFiles files);
    }

    /** Where a group's files go. */
    interface GroupFiles {
        void write(String path, byte[] content);

        /**
         * Puts the previous build's file at this path into the new site, when the previous build's group had it;
         * returns false when it did not (or the file is gone).
         */
        boolean keep(String path);
    }

    /**
     * Like {@link #files(String, String, java.util.function.Function, java.util.function.Consumer)}, for a group
     * that can keep some files of the previous build's group and make only the others.
     */
    void files(String group, String fingerprint, java.util.function.Function<String, OutputPaths.Source> source,
               GroupMaker make) {
        BuildManifest.Group before = previous.groups().get(group);
        if (before != null && fingerprint != null && fingerprint.equals(before.fingerprint())
                && carryAll(before.files(), source)) {
            groups.put(group, before);
            return;
        }
        boolean complete = before != null && before.files().stream().allMatch(out::hasPrevious);
        java.util.Set<String> had = before == null ? java.util.Set.of() : new java.util.HashSet<>(before.files());
        List<String> made = new ArrayList<>();
        make.make(complete ? before : null, new GroupFiles() {
            @Override
            public void write(String path, byte[] content) {
                file(path, source.apply(path), content);
                made.add(path);
            }

            @Override
            public boolean keep(String path) {
                if (!had.contains(path) || !out.hasPrevious(path) || !out.carryOver(path)) return false;
                paths.claim(path, source.apply(path));
                made.add(path);
                return true;
            }
        });
        if (fingerprint != null) groups.put(group, new BuildManifest.Group(fingerprint, made));
    }

    /**
     * Carries over all these files of the previous build, or returns false when one is gone (then the group is
     * made again, and its files written over the ones carried: the same fingerprint makes the same files).
     */
    private boolean carryAll(List<String> files, java.util.function.Function<String, OutputPaths.Source> source) {
        for (String file : files) {
            if (!out.hasPrevious(file) || !out.carryOver(file)) return false;
        }
        files.forEach(file -> paths.claim(file, source.apply(file)));
        return true;
    }

    /** Records a file that is written elsewhere (charts) so that no other output takes its path. */
    void claim(String path, OutputPaths.Source source) {
        paths.claim(path, source);
    }

    private boolean canReuse(String file, BuildManifest.Entry before) {
        if (!out.hasPrevious(file)) return false;
        for (String chart : before.charts()) {
            if (!charts.available(chart)) return false;
        }
        return true;
    }

    /** The chart files a page shows (the manifest's entry keeps one shared copy of each distinct list). */
    static List<String> chartFiles(String html) {
        if (!html.contains("charts/")) return List.of(); // a page without charts needs no pattern search
        List<String> names = new ArrayList<>();
        Matcher m = CHART_FILE.matcher(html);
        while (m.find()) {
            if (!names.contains(m.group(1))) names.add(m.group(1));
        }
        Collections.sort(names);
        return names;
    }

    List<PageRecord> records() {
        return List.copyOf(records);
    }

    int rendered() {
        return rendered.get();
    }

    int reused() {
        return reused.get();
    }

    int pages() {
        return entries.size();
    }

    /**
     * Says that every file of the build is written: the pages' records and the claimed paths are dropped (at
     * 1,000,000 articles, 1.7 million of each, a few hundred MB that the records kept after publishing need).
     * Nothing is written through this store after it; the manifest can still be saved.
     */
    void written() {
        records = null;
        paths = null;
    }

    /** Saves this build's manifest (once every page and group of files is written). */
    void saveManifest(java.nio.file.Path cacheDir) {
        // The previous manifest was loaded for this build's shared inputs (or is empty for them).
        BuildManifest.save(cacheDir, out.output().toString(), previous.inputs(), entries, groups);
    }
}
