package io.tickerpress.model;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A symbol's daily bars, oldest first, merged from history files and snapshots. Stored as columns of
 * primitives (about 50 bytes a day) so that decades of history for many symbols fit in memory; {@link #bars()}
 * is a read-only view that makes {@link Bar} objects on demand.
 */
public final class PriceSeries {
    private final String symbol;
    private final String name;
    private final int[] day;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final long[] volume;
    private final String[] sourceFile;
    private final int[] sourceLine;
    /** Rows in use: the columns may be longer (the builder's arrays are kept, not copied to size). */
    private final int size;
    private final List<Bar> bars = new AbstractList<>() {
        @Override
        public Bar get(int i) {
            return bar(i);
        }

        @Override
        public int size() {
            return size;
        }
    };

    private PriceSeries(String symbol, String name, int size, int[] day, double[] open, double[] high, double[] low,
                        double[] close, long[] volume, String[] sourceFile, int[] sourceLine) {
        this.size = size;
        this.symbol = symbol;
        this.name = name;
        this.day = day;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.sourceFile = sourceFile;
        this.sourceLine = sourceLine;
    }

    /** A series from bars in date order (snapshots and tests). */
    public PriceSeries(String symbol, String name, List<Bar> bars) {
        this(symbol, name, columns(bars));
    }

    /** Takes over the builder's columns without copying them (a builder is done once it is built). */
    private PriceSeries(String symbol, String name, Builder b) {
        this(symbol, name, b.size, b.day, b.open, b.high, b.low, b.close, b.volume, b.file, b.line);
    }

    private static Builder columns(List<Bar> bars) {
        Builder b = new Builder(bars.size());
        for (Bar bar : bars) b.add(bar);
        return b;
    }

    public String symbol() {
        return symbol;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    /** A hash of every row, for fingerprints of pages computed from this series. */
    public long contentHash() {
        long h = 0x9E3779B97F4A7C15L ^ size;
        for (int i = 0; i < size; i++) {
            h = mix(h ^ day[i]);
            h = mix(h ^ Double.doubleToLongBits(open[i]));
            h = mix(h ^ Double.doubleToLongBits(high[i]));
            h = mix(h ^ Double.doubleToLongBits(low[i]));
            h = mix(h ^ Double.doubleToLongBits(close[i]));
            h = mix(h ^ volume[i]);
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        return z ^ (z >>> 29);
    }

    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(day[i]);
    }

    /** The day of bar {@code i} as an epoch day (no object made). */
    public int epochDay(int i) {
        return day[i];
    }

    public double close(int i) {
        return close[i];
    }

    /** The open of bar {@code i}, NaN when unknown (no object made; likewise {@link #high}, {@link #low}). */
    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    /** The volume of bar {@code i}, -1 when unknown. */
    public long volume(int i) {
        return volume[i];
    }

    /** The bars as a read-only list; each {@code get} makes a small {@link Bar}. */
    public List<Bar> bars() {
        return bars;
    }

    public Bar bar(int i) {
        return new Bar(LocalDate.ofEpochDay(day[i]), box(open[i]), box(high[i]), box(low[i]), close[i],
                volume[i] < 0 ? null : volume[i], sourceLine[i] > 0 ? sourceFile[i] + ":" + sourceLine[i] : sourceFile[i]);
    }

    private static Double box(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The file a bar was read from. */
    public String sourceFile(int i) {
        return sourceFile[i];
    }

    /** The line of that file, or 0 when unknown. */
    public int sourceLine(int i) {
        return sourceLine[i];
    }

    /** Index of the bar on {@code date}, or -1. */
    public int indexOf(LocalDate date) {
        int i = Arrays.binarySearch(day, 0, size, (int) date.toEpochDay());
        return i >= 0 ? i : -1;
    }

    /** Index of the last bar on or before {@code date}, or -1 when the series starts later. */
    public int indexAtOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(day, 0, size, (int) date.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public String toString() {
        return "PriceSeries[" + symbol + ", " + size() + " bars]";
    }

    /**
     * Collects bars into growable columns. Unknown open, high, low are NaN and unknown volume -1, so a row
     * costs no objects.
     */
    public static final class Builder {
        int size;
        int[] day;
        double[] open;
        double[] high;
        double[] low;
        double[] close;
        long[] volume;
        String[] file;
        int[] line;

        public Builder(int capacity) {
            int c = Math.max(16, capacity);
            day = new int[c];
            open = new double[c];
            high = new double[c];
            low = new double[c];
            close = new double[c];
            volume = new long[c];
            file = new String[c];
            line = new int[c];
        }

        public int size() {
            return size;
        }

        public void add(Bar b) {
            String source = b.source();
            int colon = source.lastIndexOf(':');
            boolean hasLine = colon > 0 && source.substring(colon + 1).matches("\\d{1,9}");
            add((int) b.date().toEpochDay(), nan(b.open()), nan(b.high()), nan(b.low()), b.close(),
                    b.volume() == null ? -1 : b.volume(), hasLine ? source.substring(0, colon) : source,
                    hasLine ? Integer.parseInt(source.substring(colon + 1)) : 0);
        }

        public void add(int epochDay, double o, double h, double l, double c, long v, String sourceFile, int sourceLine) {
            if (size == day.length) grow();
            day[size] = epochDay;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            file[size] = sourceFile;
            line[size] = sourceLine;
            size++;
        }

        public int day(int i) {
            return day[i];
        }

        public double close(int i) {
            return close[i];
        }

        public String source(int i) {
            return line[i] > 0 ? file[i] + ":" + line[i] : file[i];
        }

        private static double nan(Double d) {
            return d == null ? Double.NaN : d;
        }

        private void grow() {
            int c = day.length * 2;
            day = Arrays.copyOf(day, c);
            open = Arrays.copyOf(open, c);
            high = Arrays.copyOf(high, c);
            low = Arrays.copyOf(low, c);
            close = Arrays.copyOf(close, c);
            volume = Arrays.copyOf(volume, c);
            file = Arrays.copyOf(file, c);
            line = Arrays.copyOf(line, c);
        }

        /**
         * Sorts the rows by day (stable), so files in either date order work.
         *
         * @return the index of the first of two rows with the same day, or -1
         */
        public int sortByDay() {
            boolean ascending = true;
            for (int i = 1; i < size && ascending; i++) ascending = day[i - 1] <= day[i];
            if (!ascending) {
                Integer[] order = new Integer[size];
                for (int i = 0; i < size; i++) order[i] = i;
                Arrays.sort(order, (a, b) -> Integer.compare(day[a], day[b]));
                int[] d2 = new int[size];
                double[] o2 = new double[size], h2 = new double[size], l2 = new double[size], c2 = new double[size];
                long[] v2 = new long[size];
                String[] f2 = new String[size];
                int[] n2 = new int[size];
                for (int i = 0; i < size; i++) {
                    int k = order[i];
                    d2[i] = day[k];
                    o2[i] = open[k];
                    h2[i] = high[k];
                    l2[i] = low[k];
                    c2[i] = close[k];
                    v2[i] = volume[k];
                    f2[i] = file[k];
                    n2[i] = line[k];
                }
                day = d2;
                open = o2;
                high = h2;
                low = l2;
                close = c2;
                volume = v2;
                file = f2;
                line = n2;
            }
            for (int i = 1; i < size; i++) {
                if (day[i] == day[i - 1]) return i - 1;
            }
            return -1;
        }

        public int line(int i) {
            return line[i];
        }

        /**
         * Merges another day-sorted builder into this one (snapshots into history). A day in both keeps the
         * other's row, with the figures it leaves out (NaN prices, volume -1) taken from this one's; {@code conflict} is told of a day whose closes differ by more than {@code tolerance}.
         */
        public Builder merge(Builder other, double tolerance, Conflict conflict) {
            if (other.size == 0) return this; // history only: no copy of a long series
            Builder out = new Builder(size + other.size);
            int i = 0;
            int j = 0;
            while (i < size || j < other.size) {
                if (j >= other.size || (i < size && day[i] < other.day[j])) {
                    out.add(day[i], open[i], high[i], low[i], close[i], volume[i], file[i], line[i]);
                    i++;
                } else {
                    if (i < size && day[i] == other.day[j]) {
                        // The other's figures win; the ones it leaves out (NaN, volume -1) come from this row.
                        double c = other.close[j];
                        if (!Double.isNaN(c) && Math.abs(close[i] - c) > tolerance) conflict.on(i, j);
                        out.add(other.day[j], or(other.open[j], open[i]), or(other.high[j], high[i]),
                                or(other.low[j], low[i]), or(c, close[i]), other.volume[j] < 0 ? volume[i] : other.volume[j],
                                other.file[j], other.line[j]);
                        i++;
                    } else {
                        out.add(other.day[j], other.open[j], other.high[j], other.low[j], other.close[j], other.volume[j],
                                other.file[j], other.line[j]);
                    }
                    j++;
                }
            }
            return out;
        }

        private static double or(double given, double fallback) {
            return Double.isNaN(given) ? fallback : given;
        }

        /**
         * The series, sharing this builder's columns. History builders are cached by the preview server and
         * built again after every change, so neither the builder nor the series may change them afterwards
         * (merging makes a new builder).
         */
        public PriceSeries build(String symbol, String name) {
            return new PriceSeries(symbol, name, this);
        }
    }

    /** Reports two rows for the same day that disagree: index in this builder, index in the other. */
    public interface Conflict {
        void on(int mine, int theirs);
    }
}
