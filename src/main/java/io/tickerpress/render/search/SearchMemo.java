package io.tickerpress.render.search;

import java.util.List;
import java.util.TreeMap;

/**
 * What an index build leaves for the next one, so that an edit to a few stories redoes the parts they are in and
 * keeps the rest by name: each story's key (what the index shows of it, oldest first, so a story's position is its
 * id), each term's postings with its shard entry and block files, the shards and the metadata groups. Every part is
 * a function of the stories' keys, so a memo whose {@link #fingerprint} is the one the previous index was made
 * from describes the files that index published.
 *
 * @param fingerprint the stories' fingerprint, as {@code SearchIndex.Stories#fingerprint}
 * @param stories     each story's 128-bit key as two longs, oldest first
 * @param terms       each term with its postings, by term in {@link String} order
 * @param facets      the filters the manifest offers, made from every story's tags, tickers and time
 */
public record SearchMemo(String fingerprint, long[] stories, TreeMap<String, Term> terms, List<Group> groups,
                         List<Shard> shards, Facets facets) {

    public int storyCount() {
        return stories.length / 2;
    }

    /**
     * A term: the stories it occurs in, its entry of a shard ({@link Postings#encode}) and the names of its block
     * files (none unless it is common).
     */
    public record Term(Postings postings, byte[] entry, List<String> blocks) {
    }

    /** A metadata group: the name of its content and how many stories it holds (its chunks follow from both). */
    public record Group(String hash, int docs) {
    }

    /** A shard of the postings: its first and last term, how many terms it holds, and the name of its bytes. */
    public record Shard(String first, String last, int terms, String hash) {
    }

    /**
     * The filters of the manifest: the tickers and tags as first written (by their keys' order), and the months as
     * runs of stories (oldest first). An edit that keeps every story's tags, tickers and time keeps them.
     */
    public record Facets(List<String> tickers, List<String> tags, List<Month> months) {
    }

    /** A month's run of stories: "2026-03", the id of its first story, and how many there are. */
    public record Month(String month, int first, int count) {
    }
}
