package io.tickerpress.render.search;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The postings cut into shards of about {@value SearchFormat#SHARD_BYTES} bytes, by term in sorted order. */
public final class Shards {
    private Shards() {
    }

    /**
     * Cuts the terms into shards. Content-defined cuts: a shard ends before a key whose hash picks it once the shard
     * holds SHARD_MIN_BYTES, or before a key that would take it past SHARD_BYTES. A changed entry moves at most the
     * cut next to it, so the other shards keep their keys and bytes (and their names): a shard of the memo's first
     * and last term and size, none of them changed, is the memo's shard and is kept.
     */
    public static List<SearchMemo.Shard> cut(TreeMap<String, SearchMemo.Term> terms, Set<String> changed,
                                             SearchMemo before, IndexFiles.Placed files) {
        Map<String, SearchMemo.Shard> known = new HashMap<>();
        if (before != null) before.shards().forEach(s -> known.put(s.first(), s));
        List<SearchMemo.Shard> shards = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        String first = null;
        String last = null;
        boolean clean = true;
        int shardSize = 0;
        for (Map.Entry<String, SearchMemo.Term> t : terms.entrySet()) {
            String key = t.getKey();
            byte[] entry = t.getValue().entry();
            int countBytes = entries.size() + 1 < 128 ? 1 : entries.size() + 1 < 16384 ? 2 : 3;
            boolean full = countBytes + shardSize + entry.length > SearchFormat.SHARD_BYTES;
            boolean picked = shardSize >= SearchFormat.SHARD_MIN_BYTES && SearchFormat.cutsBefore(key);
            if (!entries.isEmpty() && (full || picked)) {
                shards.add(shard(first, last, entries, clean, known, files));
                entries.clear();
                shardSize = 0;
                clean = true;
            }
            if (entries.isEmpty()) first = key;
            last = key;
            clean &= !changed.contains(key);
            entries.add(entry);
            shardSize += entry.length;
            if (!changed.contains(key)) { // an unchanged term keeps its block files (a changed one made them)
                for (String block : t.getValue().blocks()) files.keep(block);
            }
        }
        if (!entries.isEmpty()) shards.add(shard(first, last, entries, clean, known, files));
        return shards;
    }

    /** A shard (the number of terms, then each term's entry, {@link Postings#encode}): kept or written. */
    private static SearchMemo.Shard shard(String first, String last, List<byte[]> entries, boolean clean,
                                          Map<String, SearchMemo.Shard> known, IndexFiles.Placed files) {
        SearchMemo.Shard was = known.get(first);
        if (clean && was != null && was.last().equals(last) && was.terms() == entries.size()) {
            files.keep(SearchFormat.postings(was.hash()));
            return was;
        }
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
        files.put(SearchFormat.postings(hash), bytes);
        return new SearchMemo.Shard(first, last, entries.size(), hash);
    }
}
