package io.tickerpress.render.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bench/search-bytes.sh SITE [FIRST-QUERY [LATER-QUERY]]}: the bytes a reader's queries transfer on a built
 * site, computed from the index's files (uncompressed). The first query fetches the manifest, the shards of its
 * words and the metadata chunks of its first page of results; a later query the same without the manifest
 * (kept by the page). A query may carry filters: {@code ticker=SYMBOL}, {@code tag=TAG} ({@code _} for a space),
 * {@code from=YYYY-MM}, {@code to=YYYY-MM}. Without queries it takes the index's most common word as the first query and its
 * second and third most common words as the later one (the costliest realistic queries), and also reports the
 * costliest one-word query over every word.
 */
public final class SearchBytes {
    private SearchBytes() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: search-bytes.sh SITE-FOLDER [FIRST-QUERY [LATER-QUERY]]");
            System.exit(2);
        }
        Path site = Path.of(args[0]);
        if (!Files.isRegularFile(site.resolve(SearchFormat.MANIFEST))) {
            System.err.println("search-bytes: " + site.resolve(SearchFormat.MANIFEST) + " not found; build the site first");
            System.exit(1);
        }
        SearchReader reader = new SearchReader(site);
        Map<String, Long> sizes = new HashMap<>();
        long total = 0;
        long maxShard = 0;
        long maxChunk = 0;
        int chunks = 0;
        int postings = 0;
        try (Stream<Path> files = Files.list(site.resolve("search"))) {
            for (Path f : files.toList()) {
                if (!SearchFormat.versioned("search/" + f.getFileName())) continue;
                long size = Files.size(f);
                total += size;
                if (f.getFileName().toString().endsWith(".bin")) {
                    maxShard = Math.max(maxShard, size);
                    postings++;
                } else {
                    maxChunk = Math.max(maxChunk, size);
                    chunks++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long manifest = size(site, SearchFormat.MANIFEST, sizes);
        System.out.printf(Locale.ROOT, "search index: %d stories, %d bytes in %d files (manifest %d, %d shards and %d blocks of at"
                        + " most %d, %d metadata chunks of at most %d)%n", reader.manifest().get("docs").asInt(),
                total + manifest, postings + chunks + 1, manifest, reader.shardCount(), postings - reader.shardCount(),
                maxShard, chunks, maxChunk);

        String first = args.length > 1 ? args[1] : null;
        String later = args.length > 2 ? args[2] : null;
        boolean chosen = first == null || later == null;
        List<String> common = new ArrayList<>();
        if (chosen) {
            reader.documentCounts().entrySet().stream()
                    .filter(e -> Character.isLetterOrDigit(e.getKey().codePointAt(0)))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(3).forEach(e -> common.add(e.getKey()));
            if (first == null) first = common.isEmpty() ? "" : common.get(0);
            if (later == null) later = String.join(" ", common.subList(Math.min(1, common.size()), common.size()));
        }
        report(site, reader, "first query", first, true, sizes);
        report(site, reader, "later query", later, false, sizes);
        if (chosen) {
            String worst = "";
            long most = -1;
            for (String word : reader.documentCounts().keySet()) {
                if (!Character.isLetterOrDigit(word.codePointAt(0))) continue;
                long bytes = bytes(site, reader.search(word, SearchReader.Filters.NONE).files(), sizes);
                if (bytes > most) {
                    most = bytes;
                    worst = word;
                }
            }
            report(site, reader, "costliest one-word later query", worst, false, sizes);
        }
    }

    private static void report(Path site, SearchReader reader, String label, String query, boolean first, Map<String, Long> sizes) {
        // Filters ride in the query as ticker=SYMBOL, tag=TAG (with _ for spaces), from=YYYY-MM and to=YYYY-MM.
        Map<String, String> filters = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (String token : query.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0 && List.of("ticker", "tag", "from", "to").contains(token.substring(0, eq))) {
                filters.put(token.substring(0, eq), token.substring(eq + 1).replace('_', ' '));
            } else {
                words.add(token);
            }
        }
        SearchReader.Filters f = new SearchReader.Filters(filters.get("ticker"), filters.get("tag"), filters.get("from"), filters.get("to"));
        SearchReader.Result r = reader.search(String.join(" ", words), f);
        long bytes = bytes(site, r.files(), sizes) + (first ? size(site, SearchFormat.MANIFEST, sizes) : 0);
        long postings = r.files().stream().filter(n -> n.endsWith(".bin")).count();
        System.out.printf(Locale.ROOT, "%s \"%s\": %d bytes (%s%d shards and blocks, %d metadata chunks), %d results (%s %d)%n",
                label, query, bytes, first ? "manifest, " : "", postings, r.files().size() - postings, r.ids().size(),
                r.complete() ? "first step read everything:" : "first step found at least", r.found());
    }

    private static long bytes(Path site, Set<String> files, Map<String, Long> sizes) {
        return files.stream().mapToLong(f -> size(site, f, sizes)).sum();
    }

    private static long size(Path site, String file, Map<String, Long> sizes) {
        return sizes.computeIfAbsent(file, f -> {
            try {
                return Files.size(site.resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
