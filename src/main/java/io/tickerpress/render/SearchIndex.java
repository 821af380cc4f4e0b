package io.tickerpress.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tickerpress.model.Article;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.render.search.IndexFiles;
import io.tickerpress.render.search.Postings;
import io.tickerpress.render.search.SearchFormat;
import io.tickerpress.render.search.SearchMemo;
import io.tickerpress.render.search.SearchTokens;
import io.tickerpress.render.search.Shards;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
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
    private static final JsonFactory JSON = new JsonFactory();

    private SearchIndex() {
    }

    /**
     * The stories an index is made from, oldest first (a story's position is its id), each with the key of what the
     * index shows of it: its title, path, time, key points, tags and tickers. The site's settings, which shape the
     * rest, are shared by every output.
     */
    public static final class Stories {
        private final List<PublishedArticle> oldestFirst;
        /** Story {@code id}'s key: {@code keys[2 * id]} and {@code keys[2 * id + 1]}, 128 bits. */
        private final long[] keys;
        private final String fingerprint;
        /** The filters, when known without reading every story (see {@link #patched}); else null. */
        private final SearchMemo.Facets facets;

        private Stories(List<PublishedArticle> newestFirst) {
            int n = newestFirst.size();
            oldestFirst = new ArrayList<>(n);
            keys = new long[2 * n];
            for (int id = 0; id < n; id++) {
                PublishedArticle p = newestFirst.get(n - 1 - id);
                oldestFirst.add(p);
                key(p, keys, id);
            }
            fingerprint = fingerprint(keys);
            facets = null;
        }

        private Stories(List<PublishedArticle> oldestFirst, long[] keys, SearchMemo.Facets facets) {
            this.oldestFirst = oldestFirst;
            this.keys = keys;
            this.fingerprint = fingerprint(keys);
            this.facets = facets;
        }

        /**
         * The stories of the memo's index with a few of them changed in what they show but not in their tags,
         * tickers or time (so the filters stay the memo's): {@code changed} by id, each other story read through
         * {@code storyAt} only if its result lines must be made again. Every other story is taken to show what
         * the memo says.
         */
        public static Stories patched(SearchMemo before, Map<Integer, PublishedArticle> changed,
                                      java.util.function.IntFunction<PublishedArticle> storyAt) {
            long[] keys = before.stories().clone();
            changed.forEach((id, p) -> key(p, keys, id));
            int n = keys.length / 2;
            List<PublishedArticle> stories = new java.util.AbstractList<>() {
                @Override
                public PublishedArticle get(int id) {
                    PublishedArticle p = changed.get(id);
                    return p != null ? p : storyAt.apply(id);
                }

                @Override
                public int size() {
                    return n;
                }
            };
            return new Stories(stories, keys, before.facets());
        }

        private static String fingerprint(long[] keys) {
            Fingerprint.Parts all = new Fingerprint.Parts().add(Integer.toString(keys.length / 2));
            for (long key : keys) all.add(key);
            return all.hex();
        }

        /** Puts story {@code id}'s key into {@code keys}. */
        private static void key(PublishedArticle p, long[] keys, int id) {
            Article a = p.article();
            Fingerprint.Parts hash = new Fingerprint.Parts();
            String file = a.body() == null ? null : a.body().key();
            if (file != null) {
                // Parsed from a file whose content hash is known: what the index shows of it follows from that
                // hash and the file's name (the site's settings are the same for every story of an index).
                String name = a.file().substring(Math.max(a.file().lastIndexOf('/'), a.file().lastIndexOf('\\')) + 1);
                hash.add("file").add(file).add(name).add(p.path());
            } else {
                // the time as its instant and zone: what the date shown and the month filter are made from
                hash.add("fields").add(a.title()).add(p.path()).add(Long.toString(a.date().toEpochSecond()))
                        .add(Integer.toString(a.date().getNano())).add(a.date().getZone().getId());
                framed(hash, a.summary());
                framed(hash, a.tags());
                framed(hash, a.tickers());
            }
            keys[2 * id] = hash.high();
            keys[2 * id + 1] = hash.low();
        }

        /** What the whole index is made from: a build whose stories give the same keeps the last index. */
        public String fingerprint() {
            return fingerprint;
        }

        public int size() {
            return keys.length / 2;
        }
    }

    public static Stories stories(List<PublishedArticle> newestFirst) {
        return new Stories(newestFirst);
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

    /** Writes the whole index through {@code files} (site path, bytes). */
    public static void write(List<PublishedArticle> newestFirst, Function<String, String> url, Formats formats,
                             BiConsumer<String, byte[]> files) {
        write(stories(newestFirst), url, formats, null, IndexFiles.of(files, path -> false));
    }

    /**
     * Writes the index of {@code stories} through {@code out}. With the memo of the index the previous build
     * published ({@code before}), only the parts holding a story whose key changed are made again (when few did):
     * the other shards, blocks and metadata groups keep their names and are kept, not written. The files are the
     * same either way.
     *
     * @return the memo of this index, for the next build
     */
    public static SearchMemo write(Stories stories, Function<String, String> url, Formats formats, SearchMemo before,
                                   IndexFiles out) {
        return write(stories, url, formats, before, new IndexFiles.Placed(out));
    }

    /**
     * Like {@link #write(Stories, Function, Formats, SearchMemo, IndexFiles)}, through {@code files}: the files it
     * has put already (an earlier attempt's) are not put again, and it holds this index's files when done.
     */
    public static SearchMemo write(Stories stories, Function<String, String> url, Formats formats, SearchMemo before,
                                   IndexFiles.Placed files) {
        int docs = stories.size();
        int[] dirty = before == null ? null : dirty(stories, before);
        if (dirty == null) before = null;
        int known = before == null ? 0 : before.storyCount();

        // Postings: every term from scratch, or the memo's terms with the changed stories taken out and put back in.
        TreeMap<String, SearchMemo.Term> terms = before == null ? new TreeMap<>() : new TreeMap<>(before.terms());
        Map<String, Postings> added = new HashMap<>();
        Set<String> changed = new HashSet<>();
        int[] gone = dirty == null ? new int[0] : java.util.Arrays.stream(dirty).filter(id -> id < known).toArray();
        if (gone.length > 0) {
            for (Map.Entry<String, SearchMemo.Term> t : terms.entrySet()) {
                if (t.getValue().postings().containsAny(gone)) changed.add(t.getKey());
            }
        }
        if (dirty == null) {
            for (int id = 0; id < docs; id++) addKeys(stories.oldestFirst.get(id), id, added);
        } else {
            for (int id : dirty) {
                if (id < docs) addKeys(stories.oldestFirst.get(id), id, added);
            }
        }
        changed.addAll(added.keySet());
        for (String key : changed) {
            SearchMemo.Term was = terms.get(key);
            Postings now = was == null ? added.get(key) : merged(was.postings(), gone, added.get(key));
            if (now.count() == 0) {
                terms.remove(key);
            } else {
                Postings.Entry entry = now.encode(key);
                for (Map.Entry<String, byte[]> block : entry.blocks().entrySet()) {
                    files.put(block.getKey(), block.getValue());
                }
                terms.put(key, new SearchMemo.Term(now, entry.bytes(), List.copyOf(entry.blocks().keySet())));
            }
        }

        List<SearchMemo.Shard> shards = Shards.cut(terms, changed, before, files);
        List<SearchMemo.Group> groups = groups(stories, dirty, before, url, formats, files);

        SearchMemo.Facets facets = stories.facets != null ? stories.facets : facets(stories);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", SearchFormat.FORMAT);
        manifest.put("docs", docs);
        manifest.put("blockDocs", SearchFormat.BLOCK_DOCS);
        manifest.put("groupDocs", SearchFormat.GROUP_DOCS);
        manifest.put("chunkDocs", SearchFormat.CHUNK_DOCS);
        manifest.put("shards", shards.stream().map(SearchMemo.Shard::first).toList());
        manifest.put("shardFiles", shards.stream().map(SearchMemo.Shard::hash).toList());
        manifest.put("groups", groups.stream().map(SearchMemo.Group::hash).toList());
        manifest.put("tickers", facets.tickers());
        manifest.put("tags", facets.tags());
        manifest.put("months", facets.months().stream().map(m -> new Object[] {m.month(), m.first(), m.count()})
                .toList());
        files.write(SearchFormat.MANIFEST, json(manifest));
        return new SearchMemo(stories.fingerprint(), stories.keys, terms, groups, shards, facets);
    }

    /** The filters of every story: its tags and tickers (each first spelling by key) and the months' runs. */
    private static SearchMemo.Facets facets(Stories stories) {
        TreeMap<String, String> tickers = new TreeMap<>();
        TreeMap<String, String> tags = new TreeMap<>();
        List<SearchMemo.Month> months = new ArrayList<>();
        String month = null;
        int first = 0;
        for (int id = 0; id < stories.size(); id++) {
            Article a = stories.oldestFirst.get(id).article();
            for (String tag : a.tags()) tags.putIfAbsent(SearchTokens.tagKey(tag), tag);
            for (String ticker : a.tickers()) tickers.putIfAbsent(SearchTokens.tickerKey(ticker), ticker);
            String its = month(a.date().getYear(), a.date().getMonthValue());
            if (!its.equals(month)) {
                if (month != null) months.add(new SearchMemo.Month(month, first, id - first));
                month = its;
                first = id;
            }
        }
        if (month != null) months.add(new SearchMemo.Month(month, first, stories.size() - first));
        return new SearchMemo.Facets(List.copyOf(tickers.values()), List.copyOf(tags.values()), List.copyOf(months));
    }

    /**
     * The ids of the stories whose key differs from the memo's (added and removed ones included), in increasing
     * order, or null when so many differ that making the index anew costs less.
     */
    private static int[] dirty(Stories stories, SearchMemo before) {
        int known = before.storyCount();
        int most = Math.max(stories.size(), known);
        int limit = Math.max(64, stories.size() / 8);
        int[] ids = new int[Math.min(most, limit + 1)];
        int n = 0;
        for (int id = 0; id < most; id++) {
            if (id >= known || id >= stories.size() || stories.keys[2 * id] != before.stories()[2 * id]
                    || stories.keys[2 * id + 1] != before.stories()[2 * id + 1]) {
                if (n == limit) return null;
                ids[n++] = id;
            }
        }
        return java.util.Arrays.copyOf(ids, n);
    }

    /** Adds a story's terms (each once; their order does not matter to the postings). */
    private static void addKeys(PublishedArticle p, int id, Map<String, Postings> postings) {
        Article a = p.article();
        Set<String> keys = new HashSet<>();
        keys.addAll(SearchTokens.words(a.title()));
        a.summary().forEach(s -> keys.addAll(SearchTokens.words(s)));
        for (String tag : a.tags()) {
            keys.addAll(SearchTokens.words(tag));
            keys.add(SearchTokens.tagKey(tag));
        }
        for (String ticker : a.tickers()) {
            keys.addAll(SearchTokens.words(ticker));
            keys.add(SearchTokens.tickerKey(ticker));
        }
        for (String key : keys) postings.computeIfAbsent(key, k -> new Postings()).add(id);
    }

    /** A term's stories without the ids in {@code gone} (increasing), with those of {@code added} (or null). */
    private static Postings merged(Postings was, int[] gone, Postings added) {
        int[] old = was.ids();
        int[] extra = added == null ? new int[0] : added.ids();
        int[] ids = new int[old.length + extra.length];
        int n = 0;
        int i = 0;
        int j = 0;
        int g = 0;
        while (i < old.length || j < extra.length) {
            int id;
            if (j == extra.length || (i < old.length && old[i] < extra[j])) {
                id = old[i++];
                while (g < gone.length && gone[g] < id) g++;
                if (g < gone.length && gone[g] == id) continue;
            } else {
                id = extra[j++];
                if (i < old.length && old[i] == id) i++;
            }
            ids[n++] = id;
        }
        return Postings.of(ids, n);
    }

    /**
     * The metadata groups ({@value SearchFormat#GROUP_DOCS} stories each, in chunks of {@value SearchFormat#CHUNK_DOCS}
     * result lines): a group that holds no changed story and as many stories as before is the memo's, and kept.
     */
    private static List<SearchMemo.Group> groups(Stories stories, int[] dirty, SearchMemo before,
                                                 Function<String, String> url, Formats formats, IndexFiles.Placed files) {
        int docs = stories.size();
        List<SearchMemo.Group> groups = new ArrayList<>();
        int d = 0;
        for (int from = 0; from < docs; from += SearchFormat.GROUP_DOCS) {
            int to = Math.min(docs, from + SearchFormat.GROUP_DOCS);
            int g = from / SearchFormat.GROUP_DOCS;
            boolean touched = dirty == null;
            if (dirty != null) {
                while (d < dirty.length && dirty[d] < from) d++;
                touched = d < dirty.length && dirty[d] < to;
            }
            SearchMemo.Group was = before == null || g >= before.groups().size() ? null : before.groups().get(g);
            if (!touched && was != null && was.docs() == to - from) {
                for (int k = 0; k * SearchFormat.CHUNK_DOCS < to - from; k++) files.keep(SearchFormat.chunk(was.hash(), k));
                groups.add(was);
                continue;
            }
            List<byte[]> chunks = new ArrayList<>();
            ByteArrayOutputStream group = new ByteArrayOutputStream();
            for (int c = from; c < to; c += SearchFormat.CHUNK_DOCS) {
                List<Object> lines = new ArrayList<>();
                for (int id = c; id < Math.min(to, c + SearchFormat.CHUNK_DOCS); id++) {
                    lines.add(line(stories.oldestFirst.get(id), url, formats));
                }
                byte[] chunk = json(lines);
                chunks.add(chunk);
                group.writeBytes(chunk);
            }
            String hash = SearchFormat.hash(group.toByteArray());
            for (int k = 0; k < chunks.size(); k++) files.put(SearchFormat.chunk(hash, k), chunks.get(k));
            groups.add(new SearchMemo.Group(hash, to - from));
        }
        return groups;
    }

    /** What a result shows of a story: {@code [title, url, displayDate, tickers, summary]} (the first key point). */
    private static List<Object> line(PublishedArticle p, Function<String, String> url, Formats formats) {
        Article a = p.article();
        List<String> summary = a.summary();
        return List.of(a.title(), url.apply(p.path()), formats.date(a.date()), a.tickers(),
                summary.isEmpty() ? "" : summary.get(0));
    }

    /**
     * Compact JSON of strings, ints, lists, arrays and string-keyed maps, written by Jackson's streaming generator
     * (its escaping; the data-binding layer would cost more to start than these small files take to write).
     */
    private static byte[] json(Object value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(512);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            put(out, value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(JsonGenerator out, Object value) throws java.io.IOException {
        if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) put(out, item);
            out.writeEndArray();
        } else if (value instanceof Object[] array) {
            out.writeStartArray();
            for (Object item : array) put(out, item);
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName((String) e.getKey());
                put(out, e.getValue());
            }
            out.writeEndObject();
        } else {
            throw new IllegalArgumentException("not a JSON value of the search index: " + value);
        }
    }
}
