package io.tickerpress.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.render.search.Postings;
import io.tickerpress.render.search.SearchFormat;
import io.tickerpress.render.search.SearchTokens;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The search index (layout in {@link SearchFormat}): stories are numbered oldest first, so a new story takes the
 * next number; each one's title, key points, tags and tickers are cut into words ({@link SearchTokens}) whose
 * postings grow as small ints, and shards, block files and metadata chunks, each named by its content, are
 * handed to the output one small file at a time.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {
    }

    /**
     * What the index is made from: each story's title, path, time, key points, tags and tickers, in order (the
     * site's settings, which shape the rest, are shared by every output). Cheap next to writing the index, so a
     * build whose stories say the same as the last build's keeps the last index.
     */
    public static String fingerprint(List<PublishedArticle> newestFirst) {
        Fingerprint.Parts hash = new Fingerprint.Parts();
        for (PublishedArticle p : newestFirst) {
            Article a = p.article();
            hash.add(a.title()).add(p.path()).add(a.date().toString());
            framed(hash, a.summary());
            framed(hash, a.tags());
            framed(hash, a.tickers());
        }
        return hash.hex();
    }

    /** A list's parts after their number, so that no two lists give the same parts. */
    private static void framed(Fingerprint.Parts hash, List<String> parts) {
        hash.add(Integer.toString(parts.size()));
        parts.forEach(hash::add);
    }

    /** "2026-03": a year and month as the month filter names them. */
    private static String month(int year, int month) {
        if (year < 1000 || year > 9999) return String.format(Locale.ROOT, "%04d-%02d", year, month);
        return year + (month < 10 ? "-0" : "-") + month;
    }

    /** Writes the index through {@code files} (site path, bytes). */
    public static void write(List<PublishedArticle> newestFirst, Function<String, String> url, Formats formats,
                             BiConsumer<String, byte[]> files) {
        Map<String, Postings> postings = new HashMap<>();
        TreeMap<String, String> tickers = new TreeMap<>();
        TreeMap<String, String> tags = new TreeMap<>();
        List<Object[]> months = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<byte[]> chunks = new ArrayList<>();
        List<Object> lines = new ArrayList<>();
        Set<String> written = new HashSet<>();
        BiConsumer<String, byte[]> once = (name, bytes) -> {
            if (written.add(name)) files.accept(name, bytes);
        };
        int docs = newestFirst.size();
        for (int id = 0; id < docs; id++) {
            PublishedArticle p = newestFirst.get(docs - 1 - id);
            Article a = p.article();
            Set<String> keys = new HashSet<>(); // each key once; their order does not matter to the postings
            keys.addAll(SearchTokens.words(a.title()));
            a.summary().forEach(s -> keys.addAll(SearchTokens.words(s)));
            for (String tag : a.tags()) {
                keys.addAll(SearchTokens.words(tag));
                keys.add(SearchTokens.tagKey(tag));
                tags.putIfAbsent(SearchTokens.tagKey(tag), tag);
            }
            for (String ticker : a.tickers()) {
                keys.addAll(SearchTokens.words(ticker));
                keys.add(SearchTokens.tickerKey(ticker));
                tickers.putIfAbsent(SearchTokens.tickerKey(ticker), ticker);
            }
            for (String key : keys) postings.computeIfAbsent(key, k -> new Postings()).add(id);
            String month = month(a.date().getYear(), a.date().getMonthValue());
            if (months.isEmpty() || !months.get(months.size() - 1)[0].equals(month)) {
                months.add(new Object[] {month, id, 0});
            }
            Object[] run = months.get(months.size() - 1);
            run[2] = (Integer) run[2] + 1;

            lines.add(line(p, url, formats));
            if (lines.size() == SearchFormat.CHUNK_DOCS || id == docs - 1) {
                chunks.add(json(lines));
                lines.clear();
            }
            if ((id + 1) % SearchFormat.GROUP_DOCS == 0 || id == docs - 1) {
                ByteArrayOutputStream group = new ByteArrayOutputStream();
                chunks.forEach(group::writeBytes);
                String hash = SearchFormat.hash(group.toByteArray());
                groups.add(hash);
                for (int k = 0; k < chunks.size(); k++) once.accept(SearchFormat.chunk(hash, k), chunks.get(k));
                chunks.clear();
            }
        }
        List<String> keys = new ArrayList<>(postings.keySet());
        Collections.sort(keys); // String order: UTF-16 code units, as JavaScript compares strings

        List<String> shardStarts = new ArrayList<>();
        List<String> shardFiles = new ArrayList<>();
        int shardSize = 0;
        List<byte[]> entries = new ArrayList<>();
        for (String key : keys) {
            Postings.Entry entry = postings.remove(key).encode(key);
            entry.blocks().forEach(once);
            int countBytes = entries.size() + 1 < 128 ? 1 : entries.size() + 1 < 16384 ? 2 : 3;
            // Content-defined cuts: a shard ends before a key whose hash picks it once the shard holds
            // SHARD_MIN_BYTES, or before a key that would take it past SHARD_BYTES. A changed entry moves at most
            // the cut next to it, so the other shards keep their keys and bytes (and their names).
            boolean full = countBytes + shardSize + entry.bytes().length > SearchFormat.SHARD_BYTES;
            boolean picked = shardSize >= SearchFormat.SHARD_MIN_BYTES && SearchFormat.cutsBefore(key);
            if (!entries.isEmpty() && (full || picked)) {
                shardFiles.add(shard(entries, once));
                entries.clear();
                shardSize = 0;
            }
            if (entries.isEmpty()) shardStarts.add(key);
            entries.add(entry.bytes());
            shardSize += entry.bytes().length;
        }
        if (!entries.isEmpty()) shardFiles.add(shard(entries, once));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", SearchFormat.FORMAT);
        manifest.put("docs", docs);
        manifest.put("blockDocs", SearchFormat.BLOCK_DOCS);
        manifest.put("groupDocs", SearchFormat.GROUP_DOCS);
        manifest.put("chunkDocs", SearchFormat.CHUNK_DOCS);
        manifest.put("shards", shardStarts);
        manifest.put("shardFiles", shardFiles);
        manifest.put("groups", groups);
        manifest.put("tickers", new ArrayList<>(tickers.values()));
        manifest.put("tags", new ArrayList<>(tags.values()));
        manifest.put("months", months);
        files.accept(SearchFormat.MANIFEST, json(manifest));
    }

    /** Writes a shard (the number of terms, then each term's entry, {@link Postings#encode}); returns its hash. */
    private static String shard(List<byte[]> entries, BiConsumer<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = entries.size();
        while ((n & ~0x7F) != 0) {
            out.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        entries.forEach(out::writeBytes);
        byte[] bytes = out.toByteArray();
        String hash = SearchFormat.hash(bytes);
        files.accept(SearchFormat.postings(hash), bytes);
        return hash;
    }

    /** What a result shows of a story: {@code [title, url, displayDate, tickers, summary]} (the first key point). */
    private static List<Object> line(PublishedArticle p, Function<String, String> url, Formats formats) {
        Article a = p.article();
        return List.of(a.title(), url.apply(p.path()), formats.date(a.date()), a.tickers(),
                a.summary().isEmpty() ? "" : a.summary().get(0));
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
