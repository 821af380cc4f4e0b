package io.tickerpress.pipeline;

import io.tickerpress.model.MarketData;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Quote;
import io.tickerpress.model.SectorMove;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.StockOfTheDay;
import io.tickerpress.write.RecordBytes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary form of {@link MarketData} ({@link RecordBytes}), for the {@link MarketMemo}: every field as it was
 * parsed, bit for bit (doubles by their bits, decimals with their scale, times with their zone), so that the data
 * read back is equal to the data written. Each distinct string (a file name, a symbol, a zone) is written once and
 * then named by its number: the 250,000 bars of 20 years of 50 symbols share 5,000 file names.
 */
final class MarketDataBytes {
    private MarketDataBytes() {
    }

    static void write(MarketData data, RecordBytes.Writer out) {
        Strings strings = new Strings(out);
        out.putInt(data.snapshots().size());
        for (Snapshot s : data.snapshots()) {
            strings.put(s.file());
            out.putLong(s.date().toEpochDay());
            time(out, strings, s.asOf());
            quotes(out, strings, s.indices());
            quotes(out, strings, s.quotes());
            out.putInt(s.sectors().size());
            for (SectorMove m : s.sectors()) {
                strings.put(m.name());
                number(out, m.changePct());
                number(out, m.ytdPct());
            }
            out.putInt(s.stockOfTheDay().size());
            for (StockOfTheDay item : s.stockOfTheDay()) {
                strings.put(item.symbol());
                time(out, strings, item.time());
                out.putString(item.headline());
                out.putString(item.body());
                strings.put(item.file());
                out.putInt(item.line());
            }
        }
        Map<String, PriceSeries> series = new TreeMap<>(data.series()); // in a stable order
        out.putInt(series.size());
        series.forEach((key, p) -> {
            strings.put(key);
            strings.put(p.symbol());
            strings.put(p.name());
            out.putInt(p.size());
            for (int i = 0; i < p.size(); i++) {
                out.putInt(p.epochDay(i));
                out.putLong(Double.doubleToRawLongBits(p.open(i)));
                out.putLong(Double.doubleToRawLongBits(p.high(i)));
                out.putLong(Double.doubleToRawLongBits(p.low(i)));
                out.putLong(Double.doubleToRawLongBits(p.close(i)));
                out.putLong(p.volume(i));
                strings.put(p.sourceFile(i));
                out.putInt(p.sourceLine(i));
            }
        });
    }

    /**
     * The data written by {@link #write}.
     *
     * @throws RecordBytes.Damaged when the bytes are not such data (and other runtime exceptions on values out of
     *                             range: the caller parses the files instead)
     */
    static MarketData read(RecordBytes.Reader in) {
        Strings strings = new Strings(in);
        int count = in.count();
        List<Snapshot> snapshots = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String file = strings.get();
            LocalDate date = LocalDate.ofEpochDay(in.getLong());
            ZonedDateTime asOf = time(in, strings);
            List<Quote> indices = quotes(in, strings);
            List<Quote> quotes = quotes(in, strings);
            int sectorCount = in.count();
            List<SectorMove> sectors = new ArrayList<>(sectorCount);
            for (int i = 0; i < sectorCount; i++) sectors.add(new SectorMove(strings.get(), number(in), number(in)));
            int itemCount = in.count();
            List<StockOfTheDay> items = new ArrayList<>(itemCount);
            for (int i = 0; i < itemCount; i++) {
                items.add(new StockOfTheDay(strings.get(), time(in, strings), in.getString(), in.getString(),
                        strings.get(), in.getInt()));
            }
            snapshots.add(new Snapshot(file, date, asOf, indices, quotes, sectors, items));
        }
        int seriesCount = in.count();
        Map<String, PriceSeries> series = new HashMap<>();
        for (int n = 0; n < seriesCount; n++) {
            String key = strings.get();
            String symbol = strings.get();
            String name = strings.get();
            int size = in.count();
            PriceSeries.Builder b = new PriceSeries.Builder(size);
            for (int i = 0; i < size; i++) {
                b.add(in.getInt(), Double.longBitsToDouble(in.getLong()), Double.longBitsToDouble(in.getLong()),
                        Double.longBitsToDouble(in.getLong()), Double.longBitsToDouble(in.getLong()), in.getLong(),
                        strings.get(), in.getInt());
            }
            if (series.put(key, b.build(symbol, name)) != null) throw new RecordBytes.Damaged();
        }
        return new MarketData(snapshots, series);
    }

    private static void quotes(RecordBytes.Writer out, Strings strings, List<Quote> quotes) {
        out.putInt(quotes.size());
        for (Quote q : quotes) {
            strings.put(q.symbol());
            strings.put(q.name());
            number(out, q.open());
            number(out, q.high());
            number(out, q.low());
            out.putLong(Double.doubleToRawLongBits(q.close()));
            out.putByte(q.volume() == null ? 0 : 1);
            if (q.volume() != null) out.putLong(q.volume());
            decimal(out, q.change());
            decimal(out, q.changePct());
            out.putInt(q.line());
        }
    }

    private static List<Quote> quotes(RecordBytes.Reader in, Strings strings) {
        int count = in.count();
        List<Quote> quotes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String symbol = strings.get();
            String name = strings.get();
            Double open = number(in);
            Double high = number(in);
            Double low = number(in);
            double close = Double.longBitsToDouble(in.getLong());
            Long volume = present(in) ? in.getLong() : null;
            quotes.add(new Quote(symbol, name, open, high, low, close, volume, decimal(in), decimal(in), in.getInt()));
        }
        return quotes;
    }

    /** A time as its instant and zone: the zone's offset at that instant is the one the parse gave it. */
    private static void time(RecordBytes.Writer out, Strings strings, ZonedDateTime t) {
        out.putLong(t.toEpochSecond());
        out.putInt(t.getNano());
        strings.put(t.getZone().getId());
    }

    private static ZonedDateTime time(RecordBytes.Reader in, Strings strings) {
        Instant instant = Instant.ofEpochSecond(in.getLong(), in.getInt());
        return ZonedDateTime.ofInstant(instant, ZoneId.of(strings.get()));
    }

    private static void number(RecordBytes.Writer out, Double d) {
        out.putByte(d == null ? 0 : 1);
        if (d != null) out.putLong(Double.doubleToRawLongBits(d));
    }

    private static Double number(RecordBytes.Reader in) {
        return present(in) ? Double.longBitsToDouble(in.getLong()) : null;
    }

    /** A decimal as its text, which gives back its digits and its scale. */
    private static void decimal(RecordBytes.Writer out, BigDecimal d) {
        out.putByte(d == null ? 0 : 1);
        if (d != null) out.putString(d.toString());
    }

    private static BigDecimal decimal(RecordBytes.Reader in) {
        return present(in) ? new BigDecimal(in.getString()) : null;
    }

    private static boolean present(RecordBytes.Reader in) {
        return switch (in.getByte()) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new RecordBytes.Damaged();
        };
    }

    /** Strings by number: the first time in full, then by the number of their first time (-1: null). */
    private static final class Strings {
        private final RecordBytes.Writer out;
        private final RecordBytes.Reader in;
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> read = new ArrayList<>();

        Strings(RecordBytes.Writer out) {
            this.out = out;
            this.in = null;
        }

        Strings(RecordBytes.Reader in) {
            this.out = null;
            this.in = in;
        }

        void put(String s) {
            if (s == null) {
                out.putInt(-1);
                return;
            }
            Integer n = numbers.get(s);
            if (n != null) {
                out.putInt(n);
            } else {
                out.putInt(numbers.size());
                out.putString(s);
                numbers.put(s, numbers.size());
            }
        }

        String get() {
            int n = in.getInt();
            if (n == -1) return null;
            if (n >= 0 && n < read.size()) return read.get(n);
            if (n != read.size()) throw new RecordBytes.Damaged();
            String s = in.getString();
            read.add(s);
            return s;
        }
    }
}
