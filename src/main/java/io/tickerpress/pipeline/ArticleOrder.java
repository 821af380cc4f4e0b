package io.tickerpress.pipeline;

import io.tickerpress.diag.SourcePaths;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.Source;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.write.RecordBytes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published articles of the last full build into an output, oldest first, each as its file (relative to the
 * site folder, as the {@link InputIndex} names it), its {@link #face} (the hash of everything other pages show of it)
 * and its {@link #placing} (the hash of what decides where it is listed), with the pages that list them
 * ({@link ArticleLists}). Kept in the cache folder beside the page manifest ({@code order-*.bin}) with a
 * {@code token} that the {@link LastBuild} record repeats: a build that changed only article bodies, titles or key
 * points ({@link ArticleEdits}) finds in it each changed article's neighbours, the lists that show it and the newest
 * stories, and proves that no other page changed, without loading the archive. Written after publishing, removed
 * before, like the manifest.
 */
record ArticleOrder(String token, List<String> files, byte[] faces, byte[] placings, ArticleLists lists,
                    Stored stored) {
    private static final String FORMAT = "tickerpress article order 3";
    /** The record's file, {@code order-KEY.bin} beside the output's page manifest. */
    static final CacheRecord RECORD = new CacheRecord("order");

    /**
     * The record this one was loaded from (its sealed bytes) and where its faces start: a record with new faces is
     * saved by putting them over the old ones (a title edit at 100,000 articles rewrites 1.6 MB of faces into a
     * copy, and encodes nothing).
     */
    record Stored(byte[] bytes, int facesAt) {
        /** How many of the bytes are the record's content: all but the CRC of the last four that seal it. */
        int length() {
            return bytes.length - 4;
        }
    }

    /**
     * What other pages, feeds, sitemaps and the search index show of an article, as a hash: every field of its
     * front matter (and its file's name, which orders ties), not its body. Two parses with the same face differ
     * only in the article's own page.
     */
    static String face(SourcePaths paths, Article a) {
        Fingerprint.Parts hash = placed(paths, a);
        hash.add("shown").add(a.title()).add(Integer.toString(a.summary().size()));
        a.summary().forEach(hash::add);
        return hash.hex();
    }

    /**
     * What decides which lists show an article, where, and with which time: every field of its front matter but
     * its title and key points (which lists show, but which do not move it). Two parses with the same placing and
     * different faces differ in their own page, their neighbours', the pages of the lists that show them, and the
     * search index.
     */
    static String placing(SourcePaths paths, Article a) {
        return placed(paths, a).hex();
    }

    private static Fingerprint.Parts placed(SourcePaths paths, Article a) {
        Fingerprint.Parts hash = new Fingerprint.Parts();
        hash.add(paths.ofShown(a.file())).add(a.date().toString())
                .add(a.updated() == null ? "-" : "+" + a.updated()).add(a.dateline()).add(a.slug())
                .add(a.author()).add(Boolean.toString(a.draft()));
        for (List<String> list : List.of(a.tags(), a.tickers())) {
            hash.add(Integer.toString(list.size()));
            list.forEach(hash::add);
        }
        hash.add(Integer.toString(a.sources().size()));
        for (Source s : a.sources()) hash.add(s.name()).add(s.url() == null ? "-" : "+" + s.url());
        hash.add(a.charts().toString());
        return hash;
    }

    /**
     * An article's file relative to the site folder, as the input index names it ({@link SourcePaths}); null when
     * it does not lie below the site folder. {@link ArticleEdits} checks that it names the file the article was
     * read from.
     */
    static String fileOf(SourcePaths paths, Article a) {
        String file = paths.ofShown(a.file());
        return Path.of(file).isAbsolute() ? null : file;
    }

    /**
     * The record of a build's published articles and the pages that list them, or empty when one of them lies
     * outside the site folder. Made after the build published, with its pages still in memory: it keeps only the
     * names, 32 bytes an article and the lists' places.
     */
    static Optional<ArticleOrder> of(String token, SourcePaths paths, List<PublishedArticle> oldestFirst,
                                     ArticleLists lists) {
        String[] files = new String[oldestFirst.size()];
        byte[] faces = new byte[files.length * 16];
        byte[] placings = new byte[files.length * 16];
        java.util.stream.IntStream.range(0, files.length).parallel().forEach(i -> {
            Article a = oldestFirst.get(i).article();
            files[i] = fileOf(paths, a);
            System.arraycopy(java.util.HexFormat.of().parseHex(face(paths, a)), 0, faces, i * 16, 16);
            System.arraycopy(java.util.HexFormat.of().parseHex(placing(paths, a)), 0, placings, i * 16, 16);
        });
        for (String f : files) if (f == null) return Optional.empty();
        return Optional.of(new ArticleOrder(token, java.util.Arrays.asList(files), faces, placings, lists, null));
    }

    /** The face of the article at a place in the order. */
    String face(int place) {
        return java.util.HexFormat.of().formatHex(faces, place * 16, place * 16 + 16);
    }

    /** The placing of the article at a place in the order. */
    String placing(int place) {
        return java.util.HexFormat.of().formatHex(placings, place * 16, place * 16 + 16);
    }

    /** This record with new faces at some places (articles whose titles or key points changed). */
    ArticleOrder withFaces(Map<Integer, String> changed) {
        byte[] now = faces.clone();
        changed.forEach((place, face) ->
                System.arraycopy(java.util.HexFormat.of().parseHex(face), 0, now, place * 16, 16));
        return new ArticleOrder(token, files, now, placings, lists, stored);
    }

    /** Each file's place in the order. */
    Map<String, Integer> places() {
        Map<String, Integer> places = new HashMap<>(files.size() * 4 / 3 + 1);
        for (int i = 0; i < files.size(); i++) places.put(files.get(i), i);
        return places;
    }

    /** The record kept for an output, or empty (none, or damaged: an edit is built in full). */
    static Optional<ArticleOrder> load(Path cacheDir, Path output) {
        return RECORD.load(cacheDir, output, in -> {
            if (!FORMAT.equals(in.getString())) return null;
            String token = in.getString();
            int count = in.count();
            List<String> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++) files.add(in.getName());
            int facesAt = in.position();
            byte[] faces = new byte[count * 16];
            byte[] placings = new byte[count * 16];
            in.get(faces, 0, faces.length);
            in.get(placings, 0, placings.length);
            ArticleLists lists = ArticleLists.read(in, count);
            if (!in.atEnd()) return null;
            return new ArticleOrder(token, files, faces, placings, lists,
                    new Stored(in.bytes(), facesAt));
        });
    }

    /**
     * Keeps this record, streamed into the cache file through the one atomic write: a record loaded before is
     * written as its bytes with these faces in place of its own (no copy of it is made), a new one encoded as it
     * goes: the heap holds no copy of the record beyond the one it was loaded from.
     */
    void save(Path cacheDir, Path output) {
        if (cacheDir == null) return;
        RECORD.save(cacheDir, output, stream -> { // without it the next edit is built in full
            RecordBytes.Writer out = RecordBytes.Writer.to(stream);
            if (stored != null) {
                // Only faces change between a record and the one saved after it (withFaces): the same bytes, new faces.
                int after = stored.facesAt() + faces.length;
                out.put(stored.bytes(), 0, stored.facesAt()).put(faces, 0, faces.length)
                        .put(stored.bytes(), after, stored.length() - after);
            } else {
                out.putString(FORMAT).putString(token).putInt(files.size());
                for (String file : files) out.putName(file);
                out.put(faces, 0, faces.length).put(placings, 0, placings.length);
                lists.write(out);
            }
            out.seal();
        });
    }
}
