package io.tickerpress.pipeline;

import io.tickerpress.model.PublishedArticle;
import io.tickerpress.render.Formats;
import io.tickerpress.render.SearchIndex;
import io.tickerpress.render.search.IndexFiles;
import io.tickerpress.render.search.Postings;
import io.tickerpress.render.search.SearchMemo;
import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.RecordBytes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Makes the search index of a build, and keeps its memo ({@link SearchMemo}) for the next one in
 * {@code .tickerpress-cache/search-KEY.bin} (KEY as the page manifest's, one per output folder). A memo is used only
 * when it was made for this output and these shared inputs from the stories the previous build's index was made
 * from, and every file of that index is there: then an edit to a few stories makes only the index files they are in.
 * Otherwise, or when the memo is damaged, the index is made anew; the output is the same either way.
 */
final class SearchIndexStore {
    private static final int FORMAT = 3;
    /** The index's group of files in the page manifest. */
    static final String GROUP = "search";
    private static final OutputPaths.Source SOURCE = OutputPaths.Source.generated("the search index");
    /** The memo's file, {@code search-KEY.bin} beside the output's page manifest. */
    static final CacheRecord RECORD = new CacheRecord("search");

    private final Path cacheDir;
    /** The output as its records name it ({@link BuildManifest#outputKey}). */
    private final String output;
    private final String inputs;
    private final boolean clean;
    /**
     * The memo of the index this build made, put aside in a spill file in the cache folder until {@link #keep}
     * saves it (neither the memo's objects nor its bytes are held: the pages render meanwhile, and a large archive's
     * memo takes tens of megabytes); null when the last index was kept, or there is no cache folder.
     */
    private volatile Made made;

    /** A memo's bytes in a spill file of their own. */
    private record Made(io.tickerpress.model.SpillFile spill, long length) {
    }

    SearchIndexStore(BuildOptions options, String inputs) {
        this.cacheDir = options.cacheDir();
        this.output = BuildManifest.outputKey(options.output());
        this.inputs = inputs;
        this.clean = options.clean();
    }

    void write(PageStore store, List<PublishedArticle> newestFirst, Function<String, String> url, Formats formats) {
        SearchIndex.Stories stories = SearchIndex.stories(newestFirst);
        store.files(GROUP, stories.fingerprint(), name -> SOURCE, (previous, files) -> {
            IndexFiles.Placed placed = new IndexFiles.Placed(IndexFiles.of(files::write, files::keep));
            SearchMemo before = previous == null ? null : read(previous);
            try {
                made(bytes(SearchIndex.write(stories, url, formats, before, placed)));
            } catch (IndexFiles.MissingFile e) {
                // Files are named by their content: the ones put so far stay, the others are made now.
                made(bytes(SearchIndex.write(stories, url, formats, null, placed)));
            }
        });
    }

    /**
     * Updates the index {@code previous} (the published version's search group) for stories that changed what they
     * show but not their tags, tickers or time ({@link SearchIndex.Stories#patched}), from its memo of as many
     * {@code stories} as the caller's: only the files
     * they are in are written through {@code files} (a new one: the group is the files it put), the others are kept.
     * Returns the group of the updated index, or empty when no memo fits {@code previous} or one of its files is
     * gone: then the caller builds in full.
     */
    Optional<BuildManifest.Group> patch(BuildManifest.Group previous, int stories, Map<Integer, PublishedArticle> changed,
                                        IntFunction<PublishedArticle> storyAt, Function<String, String> url,
                                        Formats formats, IndexFiles.Placed files) {
        SearchMemo before = previous == null ? null : read(previous);
        if (before == null || before.storyCount() != stories
                || changed.keySet().stream().anyMatch(id -> id < 0 || id >= stories)) {
            return Optional.empty();
        }
        try {
            SearchIndex.Stories patched = SearchIndex.Stories.patched(before, changed, storyAt);
            SearchMemo memo = SearchIndex.write(patched, url, formats, before, files);
            made(bytes(memo));
            return Optional.of(new BuildManifest.Group(memo.fingerprint(), files.files()));
        } catch (IndexFiles.MissingFile e) {
            return Optional.empty();
        }
    }

    /**
     * Saves the memo of the index this build made, if it made one: after publishing, like the page manifest, on the
     * build's own thread (so the files a build writes follow one order). Best effort: without it the next index is
     * made anew.
     */
    void keep() {
        Made memo = made;
        made = null;
        if (memo == null || cacheDir == null) return;
        if (memo.spill() == null) { // not put aside: the memo the cache holds is of an older index
            RECORD.delete(cacheDir, Path.of(output));
            return;
        }
        try (io.tickerpress.model.SpillFile spill = memo.spill()) {
            if (RECORD.save(cacheDir, Path.of(output), out -> spill.copy(0, memo.length(), out)).isEmpty()) {
                // A memo of an older index must not be taken for this one's (if it stays, its fingerprint differs
                // from this build's index: the next build does not use it).
                RECORD.delete(cacheDir, Path.of(output));
            }
        } catch (java.io.IOException | RuntimeException e) {
            RECORD.delete(cacheDir, Path.of(output));
        }
    }

    /**
     * Puts the memo's bytes aside until {@link #keep}; without a cache folder (or a spill file) none is kept, and
     * the memo of the index the cache holds is removed by {@code keep}.
     */
    private void made(byte[] bytes) {
        Made before = made;
        made = null;
        if (before != null) close(before.spill());
        if (cacheDir == null) return;
        io.tickerpress.model.SpillFile spill = null;
        try {
            java.nio.file.Files.createDirectories(cacheDir);
            spill = io.tickerpress.model.SpillFile.in(cacheDir);
            spill.append(bytes);
            made = new Made(spill, bytes.length);
        } catch (java.io.IOException | RuntimeException e) {
            if (spill != null) close(spill);
            made = new Made(null, -1);
        }
    }

    private static void close(io.tickerpress.model.SpillFile spill) {
        try {
            if (spill != null) spill.close();
        } catch (java.io.IOException ignored) {
            // a spill file goes with its process anyway
        }
    }

    /** The memo of the previous index, or null when there is none that fits it (or it is damaged). */
    private SearchMemo read(BuildManifest.Group previous) {
        if (clean) return null;
        return RECORD.load(cacheDir, Path.of(output), in -> {
            if (in.getInt() != FORMAT || !in.getString().equals(output) || !in.getString().equals(inputs)) {
                return null;
            }
            String fingerprint = in.getString();
            if (!fingerprint.equals(previous.fingerprint())) return null;
            int storyCount = in.count();
            long[] stories = new long[2 * storyCount];
            for (int i = 0; i < stories.length; i++) stories[i] = in.getLong();
            int termCount = in.count();
            TreeMap<String, SearchMemo.Term> terms = new TreeMap<>();
            for (int i = 0; i < termCount; i++) {
                String key = in.getName();
                int count = in.count();
                int last = in.getInt();
                Postings postings = Postings.restore(bytes(in), count, last);
                byte[] entry = bytes(in);
                int blockCount = in.count();
                List<String> blocks = new ArrayList<>(blockCount);
                for (int b = 0; b < blockCount; b++) blocks.add(in.getString());
                terms.put(key, new SearchMemo.Term(postings, entry, blocks));
            }
            int groupCount = in.count();
            List<SearchMemo.Group> groups = new ArrayList<>(groupCount);
            for (int i = 0; i < groupCount; i++) groups.add(new SearchMemo.Group(in.getString(), in.getInt()));
            int shardCount = in.count();
            List<SearchMemo.Shard> shards = new ArrayList<>(shardCount);
            for (int i = 0; i < shardCount; i++) {
                shards.add(new SearchMemo.Shard(in.getString(), in.getString(), in.getInt(), in.getString()));
            }
            List<String> tickers = strings(in);
            List<String> tags = strings(in);
            int monthCount = in.count();
            List<SearchMemo.Month> months = new ArrayList<>(monthCount);
            for (int i = 0; i < monthCount; i++) months.add(new SearchMemo.Month(in.getString(), in.getInt(), in.getInt()));
            if (!in.atEnd()) return null;
            return new SearchMemo(fingerprint, stories, terms, groups, shards,
                    new SearchMemo.Facets(tickers, tags, months));
        }).orElse(null);
    }

    private static List<String> strings(RecordBytes.Reader in) {
        int count = in.count();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(in.getString());
        return out;
    }

    private static byte[] bytes(RecordBytes.Reader in) {
        byte[] b = new byte[in.count()];
        in.get(b, 0, b.length);
        return b;
    }

    /** The memo as the bytes of its file (a {@link RecordBytes} record). */
    private byte[] bytes(SearchMemo memo) {
        RecordBytes.Writer out = new RecordBytes.Writer(1 << 16);
        out.putInt(FORMAT).putString(output).putString(inputs).putString(memo.fingerprint());
        out.putInt(memo.storyCount());
        for (long key : memo.stories()) out.putLong(key);
        out.putInt(memo.terms().size());
        memo.terms().forEach((key, term) -> {
            out.putName(key);
            out.putInt(term.postings().count());
            out.putInt(term.postings().last());
            byte[] gaps = term.postings().gaps();
            out.putInt(gaps.length).put(gaps, 0, gaps.length);
            out.putInt(term.entry().length).put(term.entry(), 0, term.entry().length);
            out.putInt(term.blocks().size());
            term.blocks().forEach(out::putString);
        });
        out.putInt(memo.groups().size());
        memo.groups().forEach(g -> out.putString(g.hash()).putInt(g.docs()));
        out.putInt(memo.shards().size());
        memo.shards().forEach(s -> out.putString(s.first()).putString(s.last()).putInt(s.terms()).putString(s.hash()));
        SearchMemo.Facets facets = memo.facets();
        out.putInt(facets.tickers().size());
        facets.tickers().forEach(out::putString);
        out.putInt(facets.tags().size());
        facets.tags().forEach(out::putString);
        out.putInt(facets.months().size());
        facets.months().forEach(m -> out.putString(m.month()).putInt(m.first()).putInt(m.count()));
        return out.sealed();
    }
}
