package io.tickerpress.importer;

import io.tickerpress.diag.Counts;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.HistoryLoader;
import io.tickerpress.load.MarketLoader;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.write.AtomicFiles;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code tickerpress import}: reads providers' files, checks every row, merges them per symbol into
 * {@code content/market/history/SYMBOL.csv} and replaces each changed file atomically. Everything is read and
 * checked before anything is written, so a bad row or a conflict leaves every history file as it was.
 */
public final class Importer {
    private static final BigDecimal TOLERANCE = BigDecimal.valueOf(MarketLoader.CLOSE_TOLERANCE);

    /** A file holds one symbol's data without naming it, and no {@code --symbol} was given: a usage error. */
    public static final class MissingSymbol extends RuntimeException {
        public MissingSymbol(String file, String format) {
            super(file + ": this " + format.substring(0, format.indexOf(' ')) + " file holds one symbol's data without"
                    + " naming it: give it with --symbol, e.g. --symbol SPX");
        }
    }

    /** What an import did to one symbol's history. */
    public record Summary(String symbol, String file, int added, int replaced, int unchanged, int skipped,
                          LocalDate first, LocalDate last) {
        public String line() {
            return symbol + ": " + Counts.of(added, "row") + " added, " + replaced + " replaced"
                    + (unchanged > 0 ? ", " + unchanged + " unchanged" : "")
                    + (skipped > 0 ? ", " + Counts.of(skipped, "row") + " without a close skipped" : "")
                    + ", " + first + " … " + last + " (" + file + ")";
        }
    }

    private final Path contentDir;
    private final TradingCalendar calendar;
    private final long maxBytes;

    public Importer(Path contentDir, TradingCalendar calendar, long maxBytes) {
        this.contentDir = contentDir;
        this.calendar = calendar;
        this.maxBytes = maxBytes;
    }

    /**
     * Imports the files. {@code symbol}: only this symbol (and the symbol of single-symbol files); {@code format}:
     * a name from {@link ProviderFormats#NAMES} or null to detect; {@code replace}: imported closes win conflicts.
     */
    public List<Summary> run(List<Path> files, String symbol, String format, boolean replace) throws IOException {
        Map<String, TreeMap<LocalDate, PriceRow>> imported = new TreeMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Path path : files) {
            ProviderFile file = ProviderFile.read(path, maxBytes);
            ProviderFormat f = ProviderFormats.detect(file, format);
            List<PriceRow> rows = f.read(file, symbol);
            if (rows.isEmpty()) {
                throw new InputError(file.display(), file.firstLineNumber(), symbol != null
                        ? "has no rows for " + symbol : "has a header but no rows: the download gave no data");
            }
            for (PriceRow r : rows) {
                if (r.close() == null) {
                    skipped.merge(r.symbol(), 1, Integer::sum);
                    continue;
                }
                RowChecks.check(r, calendar);
                TreeMap<LocalDate, PriceRow> days = imported.computeIfAbsent(r.symbol(), k -> new TreeMap<>());
                PriceRow before = days.get(r.date());
                if (before == null) {
                    days.put(r.date(), r);
                } else if (differ(before.close(), r.close())) {
                    throw new InputError(r.file(), r.line(), r.symbol() + " " + r.date() + ": close "
                            + HistoryCsv.price(r.close()) + " conflicts with close " + HistoryCsv.price(before.close())
                            + " at " + before.where() + " in the files being imported: import them one at a time to"
                            + " choose (the second with --replace)");
                }
            }
        }
        Path historyDir = contentDir.resolve("market/history");
        List<Summary> summaries = new ArrayList<>();
        Map<Path, String> writes = new TreeMap<>();
        for (Map.Entry<String, TreeMap<LocalDate, PriceRow>> e : imported.entrySet()) {
            String sym = e.getKey();
            Path target = existing(historyDir, sym);
            TreeMap<LocalDate, PriceRow> merged = new TreeMap<>();
            String before = null;
            if (Files.exists(target)) {
                new HistoryLoader(calendar, new Diagnostics(), maxBytes).load(target);
                ProviderFile old = ProviderFile.read(target, maxBytes);
                before = old.text();
                for (PriceRow r : HistoryCsv.read(old, sym)) merged.put(r.date(), r);
            }
            int added = 0;
            int replaced = 0;
            int unchanged = 0;
            List<String> conflicts = new ArrayList<>();
            PriceRow firstConflict = null;
            PriceRow firstExisting = null;
            for (PriceRow r : e.getValue().values()) {
                PriceRow old = merged.get(r.date());
                if (old == null || old.close() == null) {
                    merged.put(r.date(), r);
                    added++;
                } else if (!differ(old.close(), r.close())) {
                    unchanged++;
                } else if (replace) {
                    merged.put(r.date(), r);
                    replaced++;
                } else {
                    conflicts.add(r.date().toString());
                    if (firstConflict == null) {
                        firstConflict = r;
                        firstExisting = old;
                    }
                }
            }
            if (firstConflict != null) {
                throw new InputError(firstConflict.file(), firstConflict.line(), sym + " " + firstConflict.date()
                        + ": close " + HistoryCsv.price(firstConflict.close()) + " conflicts with close "
                        + HistoryCsv.price(firstExisting.close()) + " at " + firstExisting.where()
                        + (conflicts.size() > 1 ? " (and " + Counts.of(conflicts.size() - 1, "more conflicting day") + ": "
                        + String.join(", ", conflicts.subList(1, Math.min(conflicts.size(), 6)))
                        + (conflicts.size() > 6 ? ", …" : "") + ")" : "")
                        + "; nothing was imported. Check which figure is right; run again with --replace to take the"
                        + " imported figures");
            }
            for (PriceRow r : e.getValue().values()) {
                if (merged.get(r.date()) == r) checkAgainstSnapshot(r);
            }
            String text = HistoryCsv.format(merged.values());
            if (!text.equals(before)) writes.put(target, text);
            summaries.add(new Summary(sym, Diagnostics.display(target), added, replaced, unchanged,
                    skipped.getOrDefault(sym, 0), merged.firstKey(), merged.lastKey()));
        }
        if (summaries.isEmpty()) {
            throw new InputError(Diagnostics.display(files.get(0)), "has no rows with a close to import");
        }
        for (Map.Entry<Path, String> w : writes.entrySet()) {
            AtomicFiles.replace(w.getKey(), w.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return summaries;
    }

    /** The day's snapshot, by date (null when there is none, or it cannot be read: the build reports that). */
    private final Map<LocalDate, io.tickerpress.model.Snapshot> snapshots = new TreeMap<>();

    /**
     * A row the import takes must agree with the close the day's snapshot gives the symbol, as the build requires
     * of the two files (it merges them): otherwise the import would leave a site that no longer builds.
     */
    private void checkAgainstSnapshot(PriceRow r) {
        io.tickerpress.model.Snapshot snapshot = snapshots.computeIfAbsent(r.date(), day -> {
            Path file = contentDir.resolve("market").resolve(day + ".json");
            if (!Files.isRegularFile(file)) return null;
            try {
                return new io.tickerpress.load.SnapshotLoader(calendar,
                        io.tickerpress.model.Limits.defaults().snapshotBytes()).load(file);
            } catch (InputError e) {
                return null;
            }
        });
        if (snapshot == null) return;
        for (List<io.tickerpress.model.Quote> quotes : List.of(snapshot.indices(), snapshot.quotes())) {
            for (io.tickerpress.model.Quote q : quotes) {
                if (!q.symbol().equals(r.symbol()) || !differ(BigDecimal.valueOf(q.close()), r.close())) continue;
                throw new InputError(r.file(), r.line(), r.symbol() + " " + r.date() + ": close "
                        + HistoryCsv.price(r.close()) + " disagrees with close " + HistoryCsv.price(BigDecimal.valueOf(q.close()))
                        + " in the day's snapshot " + snapshot.file() + ":" + q.line() + " (the build would stop on"
                        + " it): check which figure is right and correct the snapshot or the"
                        + " imported file");
            }
        }
    }

    /** Whether two closes of the same day disagree (by more than half a cent, the build's rule). */
    private static boolean differ(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(TOLERANCE) > 0;
    }

    /** The symbol's history file: an existing one whatever the case of its name, else {@code SYMBOL.csv}. */
    private static Path existing(Path historyDir, String symbol) throws IOException {
        if (Files.isDirectory(historyDir)) {
            try (Stream<Path> files = Files.list(historyDir)) {
                for (Path p : files.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.toLowerCase(Locale.ROOT).equals(symbol.toLowerCase(Locale.ROOT) + ".csv")) return p;
                }
            }
        }
        return historyDir.resolve(symbol + ".csv");
    }
}
