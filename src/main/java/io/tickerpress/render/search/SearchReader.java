package io.tickerpress.render.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a built site's search index from its files and answers queries by the rules the search page's script
 * follows (README, "Search"): every word of the query must occur in a story (title, key points, tags,
 * tickers); the last word also matches as a prefix when it has two or more characters and the terms it starts
 * lie in at most two shards, at most three of them common; filters narrow by ticker, tag and month range;
 * results are newest first. It also counts the files a query's first page fetches, for tests and
 * {@code bench/search-bytes.sh}: the shards of its words, the blocks of common terms read newest first until a
 * page of results is found or the step's {@link SearchFormat#STEP_BYTES} are spent, and the metadata chunks of
 * the page.
 */
public final class SearchReader {
    /** Filters; null (or blank) leaves one out. Months are {@code YYYY-MM}, both ends included. */
    public record Filters(String ticker, String tag, String fromMonth, String toMonth) {
        public static final Filters NONE = new Filters(null, null, null, null);
    }

    /**
     * @param ids       every matching story id, newest first (read to the end, whatever the steps)
     * @param firstPage the ids the page shows first: the first ten found by the first step
     * @param files     the site paths the first step fetched: shards, blocks, then the metadata chunks of its page
     * @param found     the stories the first step found (the page says "At least N" when it is not complete)
     * @param complete  whether the first step read every block that could hold a result
     */
    public record Result(List<Integer> ids, List<Integer> firstPage, Set<String> files, int found, boolean complete) {
    }

    /** A term of a shard: small (all ids) or common (per block: count, file length, file). */
    private record Term(int[] ids, int[] blockCounts, int[] blockLengths, String[] blockFiles) {
        boolean common() {
            return ids == null;
        }
    }

    /** One condition of a query: the union of some terms, or a set of id ranges (months). */
    private record Part(List<Term> terms, List<int[]> ranges) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path site;
    private final JsonNode manifest;
    private final int docs;
    private final int blocks;
    private final List<String> shardStarts = new ArrayList<>();
    private final List<String> shardFiles = new ArrayList<>();
    private final Map<Integer, TreeMap<String, Term>> shards = new HashMap<>();

    public SearchReader(Path site) {
        this.site = site;
        try {
            manifest = JSON.readTree(site.resolve(SearchFormat.MANIFEST).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docs = manifest.get("docs").asInt();
        blocks = (docs + SearchFormat.BLOCK_DOCS - 1) / SearchFormat.BLOCK_DOCS;
        manifest.get("shards").forEach(s -> shardStarts.add(s.asText()));
        manifest.get("shardFiles").forEach(s -> shardFiles.add(SearchFormat.postings(s.asText())));
    }

    public JsonNode manifest() {
        return manifest;
    }

    public int shardCount() {
        return shardStarts.size();
    }

    public Result search(String query, Filters filters) {
        Set<String> files = new LinkedHashSet<>();
        List<String> words = new ArrayList<>(new LinkedHashSet<>(SearchTokens.words(query)));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            parts.add(i == words.size() - 1 && w.length() >= 2 ? prefix(w, files) : exact(w, files));
        }
        if (present(filters.ticker())) parts.add(exact(SearchTokens.tickerKey(filters.ticker()), files));
        if (present(filters.tag())) parts.add(exact(SearchTokens.tagKey(filters.tag()), files));
        if (present(filters.fromMonth()) || present(filters.toMonth())) parts.add(months(filters));
        if (parts.isEmpty()) return new Result(List.of(), List.of(), files, 0, true);

        // The first step, as the page takes it: newest block first, until a page is found (and blocks that cost
        // nothing are read) or the step's bytes are spent.
        List<Integer> found = new ArrayList<>();
        int block = blocks - 1;
        long spent = 0;
        while (block >= 0) {
            if (!possible(parts, block)) {
                block--;
                continue;
            }
            long cost = cost(parts, block);
            // Past a page, blocks that need no file (every term small) are read too: the count stays exact.
            if (found.size() >= SearchFormat.PAGE && cost > 0) break;
            if (spent > 0 && spent + cost > SearchFormat.STEP_BYTES) break;
            found.addAll(match(parts, block, files));
            spent += cost;
            block--;
        }
        while (block >= 0 && !possible(parts, block)) block--;
        boolean complete = block < 0;
        List<Integer> page = found.subList(0, Math.min(SearchFormat.PAGE, found.size()));
        page.forEach(id -> files.add(chunkFile(id)));

        List<Integer> all = new ArrayList<>();
        for (int b = blocks - 1; b >= 0; b--) {
            if (possible(parts, b)) all.addAll(match(parts, b, null));
        }
        return new Result(List.copyOf(all), List.copyOf(page), files, found.size(), complete);
    }

    /** What a result shows of a story: {@code [title, url, displayDate, tickers, summary]}. */
    public JsonNode doc(int id) {
        try {
            JsonNode chunk = JSON.readTree(site.resolve(chunkFile(id)).toFile());
            return chunk.get(id % SearchFormat.CHUNK_DOCS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String chunkFile(int id) {
        String group = manifest.get("groups").get(id / SearchFormat.GROUP_DOCS).asText();
        return SearchFormat.chunk(group, id % SearchFormat.GROUP_DOCS / SearchFormat.CHUNK_DOCS);
    }

    /** Every key of the index with the number of stories it occurs in (reads every shard). */
    public Map<String, Integer> documentCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < shardStarts.size(); i++) {
            shard(i).forEach((k, t) -> counts.put(k, t.common() ? java.util.Arrays.stream(t.blockCounts()).sum() : t.ids().length));
        }
        return counts;
    }

    private static boolean possible(List<Part> parts, int block) {
        for (Part p : parts) {
            if (!possible(p, block)) return false;
        }
        return true;
    }

    private static boolean possible(Part p, int block) {
        int lo = block * SearchFormat.BLOCK_DOCS;
        int hi = lo + SearchFormat.BLOCK_DOCS;
        if (p.ranges() != null) return p.ranges().stream().anyMatch(r -> r[0] < hi && r[1] > lo);
        for (Term t : p.terms()) {
            if (t.common() ? block < t.blockCounts().length && t.blockCounts()[block] > 0 : any(t.ids(), lo, hi)) return true;
        }
        return false;
    }

    private static boolean any(int[] ids, int lo, int hi) {
        int i = java.util.Arrays.binarySearch(ids, lo);
        int at = i >= 0 ? i : -i - 1;
        return at < ids.length && ids[at] < hi;
    }

    /** The bytes of block files a block costs: those of the common terms present in it. */
    private static long cost(List<Part> parts, int block) {
        long cost = 0;
        for (Part p : parts) {
            if (p.terms() == null) continue;
            for (Term t : p.terms()) {
                if (t.common() && block < t.blockCounts().length && t.blockCounts()[block] > 0) cost += t.blockLengths()[block];
            }
        }
        return cost;
    }

    /** The stories of a block that meet every part, newest first; block files read are added to {@code files}. */
    private List<Integer> match(List<Part> parts, int block, Set<String> files) {
        int lo = block * SearchFormat.BLOCK_DOCS;
        BitSet all = null;
        for (Part p : parts) {
            BitSet in = new BitSet();
            if (p.ranges() != null) {
                for (int[] r : p.ranges()) {
                    int from = Math.max(r[0], lo);
                    int to = Math.min(r[1], lo + SearchFormat.BLOCK_DOCS);
                    if (from < to) in.set(from - lo, to - lo);
                }
            } else {
                for (Term t : p.terms()) {
                    if (!t.common()) {
                        for (int id : t.ids()) if (id >= lo && id < lo + SearchFormat.BLOCK_DOCS) in.set(id - lo);
                    } else if (block < t.blockCounts().length && t.blockCounts()[block] > 0) {
                        String file = t.blockFiles()[block];
                        if (files != null) files.add(file);
                        byte[] bytes = read(file);
                        long[] kind = Varint.read(bytes, 0);
                        in.or(set((int) kind[0], bytes, (int) kind[1], bytes.length - (int) kind[1]));
                    }
                }
            }
            if (all == null) all = in;
            else all.and(in);
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = all.previousSetBit(SearchFormat.BLOCK_DOCS); i >= 0; i = all.previousSetBit(i - 1)) ids.add(lo + i);
        return ids;
    }

    private Part exact(String key, Set<String> files) {
        int i = shardOf(key);
        if (i < 0) return new Part(List.of(), null);
        files.add(shardFiles.get(i));
        Term t = shard(i).get(key);
        return new Part(t == null ? List.of() : List.of(t), null);
    }

    private Part prefix(String prefix, Set<String> files) {
        if (shardStarts.isEmpty()) return new Part(List.of(), null);
        int first = Math.max(0, shardOf(prefix));
        int last = Math.max(0, shardOf(prefix + Character.MAX_VALUE));
        if (last - first + 1 > SearchFormat.PREFIX_SHARDS) return exact(prefix, files);
        List<Term> terms = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            files.add(shardFiles.get(i));
            shard(i).forEach((k, t) -> {
                if (k.startsWith(prefix)) terms.add(t);
            });
        }
        if (terms.stream().filter(Term::common).count() > SearchFormat.PREFIX_COMMON) return exact(prefix, files);
        return new Part(terms, null);
    }

    private Part months(Filters f) {
        List<int[]> ranges = new ArrayList<>();
        for (JsonNode run : manifest.get("months")) {
            String month = run.get(0).asText();
            if (present(f.fromMonth()) && month.compareTo(f.fromMonth()) < 0) continue;
            if (present(f.toMonth()) && month.compareTo(f.toMonth()) > 0) continue;
            ranges.add(new int[] {run.get(1).asInt(), run.get(1).asInt() + run.get(2).asInt()});
        }
        return new Part(null, ranges);
    }

    /** The shard whose range holds {@code key}: the last whose first key is not after it; -1 before all. */
    private int shardOf(String key) {
        int lo = 0;
        int hi = shardStarts.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (shardStarts.get(mid).compareTo(key) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private TreeMap<String, Term> shard(int n) {
        return shards.computeIfAbsent(n, i -> decode(read(shardFiles.get(i))));
    }

    private byte[] read(String sitePath) {
        try {
            return Files.readAllBytes(site.resolve(sitePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a shard ({@link Postings} describes an entry). */
    private static TreeMap<String, Term> decode(byte[] bytes) {
        TreeMap<String, Term> terms = new TreeMap<>();
        long[] r = Varint.read(bytes, 0);
        int count = (int) r[0];
        int pos = (int) r[1];
        for (int t = 0; t < count; t++) {
            r = Varint.read(bytes, pos);
            int keyLength = (int) r[0];
            pos = (int) r[1];
            String key = new String(bytes, pos, keyLength, StandardCharsets.UTF_8);
            pos += keyLength;
            r = Varint.read(bytes, pos);
            int kind = (int) r[0];
            r = Varint.read(bytes, (int) r[1]); // the story count
            r = Varint.read(bytes, (int) r[1]);
            pos = (int) r[1];
            if (kind == Postings.COMMON) {
                int n = (int) r[0];
                int[] counts = new int[n];
                int[] lengths = new int[n];
                String[] names = new String[n];
                for (int b = 0; b < n; b++) {
                    r = Varint.read(bytes, pos);
                    counts[b] = (int) r[0];
                    pos = (int) r[1];
                    if (counts[b] > 0) {
                        r = Varint.read(bytes, pos);
                        lengths[b] = (int) r[0];
                        pos = (int) r[1];
                        names[b] = SearchFormat.postings(HexFormat.of().formatHex(bytes, pos, pos + SearchFormat.HASH_HEX / 2));
                        pos += SearchFormat.HASH_HEX / 2;
                    }
                }
                terms.put(key, new Term(null, counts, lengths, names));
            } else {
                int length = (int) r[0];
                terms.put(key, new Term(set(kind, bytes, pos, length).stream().toArray(), null, null, null));
                pos += length;
            }
        }
        return terms;
    }

    /** A set of ids relative to its base: gaps (kind 0) or a bitmap (kind 1). */
    private static BitSet set(int kind, byte[] bytes, int pos, int length) {
        if (kind == Postings.BITMAP) return BitSet.valueOf(java.nio.ByteBuffer.wrap(bytes, pos, length)); // bit i: byte i / 8, bit i % 8
        BitSet set = new BitSet();
        int end = pos + length;
        int id = -1;
        int p = pos;
        while (p < end) {
            long[] g = Varint.read(bytes, p);
            id += (int) g[0] + 1;
            p = (int) g[1];
            set.set(id);
        }
        return set;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
