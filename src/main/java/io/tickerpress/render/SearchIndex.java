package io.tickerpress.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.render.search.Postings;
import io.tickerpress.render.search.SearchFormat;
import io.tickerpress.render.search.SearchTokens;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The search index (layout in {@link SearchFormat}): documents are the published articles numbered newest
 * first; each one's title, key points, tags and tickers are cut into words ({@link SearchTokens}) whose postings
 * grow as small ints, and the shards and metadata chunks are handed to the output one small file at a time.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {
    }

    /** Writes the index through {@code files} (site path, bytes). */
    public static void write(List<PublishedArticle> newestFirst, Function<String, String> url, Formats formats,
                             BiConsumer<String, byte[]> files) {
        Map<String, Postings> postings = new HashMap<>();
        TreeMap<String, String> tickers = new TreeMap<>();
        TreeMap<String, String> tags = new TreeMap<>();
        List<Object[]> months = new ArrayList<>();
        MessageDigest digest = sha256();
        digest.update(("tickerpress-search-" + SearchFormat.FORMAT).getBytes(StandardCharsets.UTF_8));
        for (int id = 0; id < newestFirst.size(); id++) {
            Article a = newestFirst.get(id).article();
            TreeSet<String> keys = new TreeSet<>();
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
            String month = String.format(Locale.ROOT, "%04d-%02d", a.date().getYear(), a.date().getMonthValue());
            if (months.isEmpty() || !months.get(months.size() - 1)[0].equals(month)) {
                months.add(new Object[] {month, id, 0});
            }
            Object[] run = months.get(months.size() - 1);
            run[2] = (Integer) run[2] + 1;
            if (id % SearchFormat.CHUNK_DOCS == SearchFormat.CHUNK_DOCS - 1 || id == newestFirst.size() - 1) {
                digest.update(chunk(newestFirst, id / SearchFormat.CHUNK_DOCS, url, formats));
            }
        }
        List<String> keys = new ArrayList<>(postings.keySet());
        Collections.sort(keys); // String order: UTF-16 code units, as JavaScript compares strings
        // The postings are a function of the chunks' text, so the chunks' digest names the whole index.
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);

        List<String> shardStarts = new ArrayList<>();
        int shardSize = 0;
        List<byte[]> entries = new ArrayList<>();
        for (String key : keys) {
            byte[] entry = postings.remove(key).encode(key);
            int countBytes = entries.size() + 1 < 128 ? 1 : entries.size() + 1 < 16384 ? 2 : 3;
            if (!entries.isEmpty() && countBytes + shardSize + entry.length > SearchFormat.SHARD_BYTES) {
                files.accept(SearchFormat.shard(version, shardStarts.size() - 1), shardBytes(entries));
                entries.clear();
                shardSize = 0;
            }
            if (entries.isEmpty()) shardStarts.add(key);
            entries.add(entry);
            shardSize += entry.length;
        }
        if (!entries.isEmpty()) files.accept(SearchFormat.shard(version, shardStarts.size() - 1), shardBytes(entries));
        for (int k = 0; k * SearchFormat.CHUNK_DOCS < newestFirst.size(); k++) {
            files.accept(SearchFormat.chunk(version, k), chunk(newestFirst, k, url, formats));
        }

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", SearchFormat.FORMAT);
        manifest.put("version", version);
        manifest.put("docs", newestFirst.size());
        manifest.put("chunkDocs", SearchFormat.CHUNK_DOCS);
        manifest.put("shards", shardStarts);
        manifest.put("tickers", new ArrayList<>(tickers.values()));
        manifest.put("tags", new ArrayList<>(tags.values()));
        manifest.put("months", months);
        files.accept(SearchFormat.MANIFEST, json(manifest));
    }

    /** A shard: the number of terms, then each term's entry ({@link Postings#encode}). */
    private static byte[] shardBytes(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = entries.size();
        while ((n & ~0x7F) != 0) {
            out.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        entries.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Metadata chunk {@code k}: what the results list shows of its documents, in id order. */
    private static byte[] chunk(List<PublishedArticle> newestFirst, int k, Function<String, String> url, Formats formats) {
        List<Map<String, Object>> docs = new ArrayList<>();
        int end = Math.min(newestFirst.size(), (k + 1) * SearchFormat.CHUNK_DOCS);
        for (int id = k * SearchFormat.CHUNK_DOCS; id < end; id++) {
            PublishedArticle p = newestFirst.get(id);
            Article a = p.article();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", a.title());
            e.put("url", url.apply(p.path()));
            e.put("date", Formats.iso(a.date()));
            e.put("displayDate", formats.date(a.date()));
            e.put("tags", a.tags());
            e.put("tickers", a.tickers());
            e.put("summary", a.summary().isEmpty() ? "" : a.summary().get(0)); // the first key point only: a lead
            docs.add(e);
        }
        return json(docs);
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
