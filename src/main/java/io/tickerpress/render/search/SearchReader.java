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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a built site's search index from its files and answers queries by the rules the search page's script
 * follows (README, "Search"): every word of the query must occur in a story (title, key points, tags,
 * tickers); the last word also matches as a prefix when it has two or more characters and the terms it starts
 * lie in at most two shards; filters narrow by ticker, tag and month range; results are newest first. It also
 * counts the files a query fetches, for tests and {@code bench/search-bytes.sh}.
 */
public final class SearchReader {
    /** Prefix matching reads at most this many shards; a shorter, more common prefix matches exactly. */
    public static final int PREFIX_SHARDS = 2;

    /** Filters; null (or blank) leaves one out. Months are {@code YYYY-MM}, both ends included. */
    public record Filters(String ticker, String tag, String fromMonth, String toMonth) {
        public static final Filters NONE = new Filters(null, null, null, null);
    }

    /**
     * @param ids       every matching document id, newest first
     * @param firstPage the ids of the first page of results
     * @param files     the site paths the query fetched: shards, then the metadata chunks of the first page
     */
    public record Result(List<Integer> ids, List<Integer> firstPage, Set<String> files) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path site;
    private final JsonNode manifest;
    private final String version;

    private final List<String> shardStarts = new ArrayList<>();
    private final Map<Integer, TreeMap<String, BitSet>> shards = new HashMap<>();

    public SearchReader(Path site) {
        this.site = site;
        try {
            manifest = JSON.readTree(site.resolve(SearchFormat.MANIFEST).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = manifest.get("version").asText();

        manifest.get("shards").forEach(s -> shardStarts.add(s.asText()));
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
        List<BitSet> sets = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            sets.add(i == words.size() - 1 && w.length() >= 2 ? prefix(w, files) : exact(w, files));
        }
        if (present(filters.ticker())) sets.add(exact(SearchTokens.tickerKey(filters.ticker()), files));
        if (present(filters.tag())) sets.add(exact(SearchTokens.tagKey(filters.tag()), files));
        if (present(filters.fromMonth()) || present(filters.toMonth())) sets.add(months(filters));
        List<Integer> ids = new ArrayList<>();
        if (!sets.isEmpty()) {
            BitSet all = (BitSet) sets.get(0).clone();
            sets.forEach(all::and);
            all.stream().forEach(ids::add);
        }
        List<Integer> page = ids.subList(0, Math.min(SearchFormat.CHUNK_DOCS, ids.size()));
        page.forEach(id -> files.add(SearchFormat.chunk(version, id / SearchFormat.CHUNK_DOCS)));
        return new Result(List.copyOf(ids), List.copyOf(page), files);
    }

    /** The metadata of one document (title, url, date, displayDate, tags, tickers, summary). */
    public JsonNode doc(int id) {
        try {
            JsonNode chunk = JSON.readTree(site.resolve(SearchFormat.chunk(version, id / SearchFormat.CHUNK_DOCS)).toFile());
            return chunk.get(id % SearchFormat.CHUNK_DOCS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key of the index with the number of documents it occurs in (reads every shard). */
    public Map<String, Integer> documentCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < shardStarts.size(); i++) shard(i).forEach((k, v) -> counts.put(k, v.cardinality()));
        return counts;
    }

    private BitSet exact(String key, Set<String> files) {
        int i = shardOf(key);
        if (i < 0) return new BitSet();
        files.add(SearchFormat.shard(version, i));
        BitSet found = shard(i).get(key);
        return found == null ? new BitSet() : found;
    }

    private BitSet prefix(String prefix, Set<String> files) {
        if (shardStarts.isEmpty()) return new BitSet();
        int first = Math.max(0, shardOf(prefix));
        int last = Math.max(0, shardOf(prefix + Character.MAX_VALUE));
        if (last - first + 1 > PREFIX_SHARDS) return exact(prefix, files);
        BitSet union = new BitSet();
        for (int i = first; i <= last; i++) {
            files.add(SearchFormat.shard(version, i));
            shard(i).forEach((k, v) -> {
                if (k.startsWith(prefix)) union.or(v);
            });
        }
        return union;
    }

    private BitSet months(Filters f) {
        BitSet in = new BitSet();
        for (JsonNode run : manifest.get("months")) {
            String month = run.get(0).asText();
            if (present(f.fromMonth()) && month.compareTo(f.fromMonth()) < 0) continue;
            if (present(f.toMonth()) && month.compareTo(f.toMonth()) > 0) continue;
            in.set(run.get(1).asInt(), run.get(1).asInt() + run.get(2).asInt());
        }
        return in;
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

    private TreeMap<String, BitSet> shard(int n) {
        return shards.computeIfAbsent(n, i -> {
            try {
                return decode(Files.readAllBytes(site.resolve(SearchFormat.shard(version, i))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Decodes a shard ({@link Postings} describes an entry). */
    static TreeMap<String, BitSet> decode(byte[] bytes) {
        TreeMap<String, BitSet> terms = new TreeMap<>();
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
            r = Varint.read(bytes, (int) r[1]);
            r = Varint.read(bytes, (int) r[1]);
            int length = (int) r[0];
            pos = (int) r[1];
            BitSet set;
            if (kind == Postings.BITMAP) {
                set = BitSet.valueOf(java.nio.ByteBuffer.wrap(bytes, pos, length)); // bit i: byte i / 8, bit i % 8
            } else {
                set = new BitSet();
                int end = pos + length;
                int id = -1;
                int p = pos;
                while (p < end) {
                    long[] g = Varint.read(bytes, p);
                    id += (int) g[0] + 1;
                    p = (int) g[1];
                    set.set(id);
                }
            }
            terms.put(key, set);
            pos += length;
        }
        return terms;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

}
