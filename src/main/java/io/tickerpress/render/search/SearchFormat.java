package io.tickerpress.render.search;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the search index lives in the output and how big its parts are (README, "Search"). Stories are numbered
 * oldest first (the reverse of the site's newest-first order), so a new story takes the next number and leaves
 * every other story's number, and with it most files, as they were:
 * <ul>
 *   <li>{@value #MANIFEST}: the small file the search page reads first (format, story count, the first key and
 *       file of each shard, the name of each metadata group, the filter choices and the months);
 *   <li>{@code search/HASH.bin}: a shard of the postings (terms in sorted order, about {@value #SHARD_BYTES}
 *       bytes) or one block of a common term's postings; HASH is the start of the SHA-256 of the file's bytes;
 *   <li>{@code search/HASH-K.json}: chunk K of a metadata group ({@value #GROUP_DOCS} stories; HASH names the
 *       group's content), {@value #CHUNK_DOCS} stories' result lines.
 * </ul>
 * Every file but the manifest is named by its content, so it never changes under its name (served
 * {@code immutable}), and a build that changes few stories rewrites few files.
 */
public final class SearchFormat {
    public static final int FORMAT = 2;
    public static final String MANIFEST = "search/manifest.json";
    /** Shards close before they would pass this size; a rare word's query fetches one shard. */
    public static final int SHARD_BYTES = 4 * 1024;
    /** A shard of at least this size closes before a key that {@link #cutsBefore} picks. */
    public static final int SHARD_MIN_BYTES = 2 * 1024;
    /** One key in this many (by its hash) may start a shard. */
    public static final int CUT_ODDS = 32;
    /**
     * A term whose postings take more than this many bytes is "common": its shard entry holds per block of
     * {@value #BLOCK_DOCS} stories its count, and its postings in that block are a file of their own (at most
     * {@code BLOCK_DOCS / 8} = 1 KiB), fetched only when a query reaches that block.
     */
    public static final int COMMON_BYTES = 1024;
    public static final int BLOCK_DOCS = 8192;
    /**
     * A query reads blocks newest first until it has a page of results; one step reads at most this many bytes
     * of blocks (but always at least one block), the next step ("More results") goes on further back.
     */
    public static final int STEP_BYTES = 8 * 1024;
    /** Results on a page. */
    public static final int PAGE = 10;
    /** Stories per metadata chunk: a page of ten scattered results fetches at most ten small chunks. */
    public static final int CHUNK_DOCS = 5;
    /** Stories per metadata group: the chunks of a group share one name, so an edit renames 20 chunks. */
    public static final int GROUP_DOCS = 100;
    /** A prefix matches as a prefix when the terms it starts lie in at most this many shards... */
    public static final int PREFIX_SHARDS = 2;
    /** ... and at most this many of them are common terms (a block costs up to 1 KiB for each). */
    public static final int PREFIX_COMMON = 3;
    /** Characters of the hexadecimal content hash in file names (48 bits). */
    public static final int HASH_HEX = 12;
    private static final Pattern HASHED = Pattern.compile("search/[0-9a-f]{12}(-[0-9]+\\.json|\\.bin)");

    private SearchFormat() {
    }

    /** Whether a site path is a search file named by its content (so never changed). */
    public static boolean versioned(String sitePath) {
        return HASHED.matcher(sitePath).matches();
    }

    /** Whether a key may start a shard: a function of the key alone, so cuts stay where they were. */
    public static boolean cutsBefore(String key) {
        int h = key.hashCode() * 0x9E3779B9; // String.hashCode is fixed by the Java spec; the multiply spreads it
        return Integer.remainderUnsigned(h ^ (h >>> 16), CUT_ODDS) == 0;
    }

    /** The name of a file's content: the first {@value #HASH_HEX} hex digits of its SHA-256. */
    public static String hash(byte[] content) {
        return io.tickerpress.model.Fingerprint.sha256(content).substring(0, HASH_HEX);
    }

    /** A shard or a block of postings: {@code search/HASH.bin}. */
    public static String postings(String hash) {
        return "search/" + hash + ".bin";
    }

    /** Metadata chunk {@code k} of the group named {@code groupHash}. */
    public static String chunk(String groupHash, int k) {
        return String.format(Locale.ROOT, "search/%s-%d.json", groupHash, k);
    }
}
