package io.tickerpress.render.chart;

import io.tickerpress.derive.ChartData;
import io.tickerpress.derive.ChartSlicer;
import io.tickerpress.model.Bar;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.SectorMove;
import io.tickerpress.render.Formats;
import io.tickerpress.render.view.ChartView;
import io.tickerpress.write.ChartCache;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The charts of one build. Pages ask for charts while they render and get a {@link ChartView} at once; the
 * files are produced afterwards by {@link #renderAll}, in parallel, once per distinct chart, and taken from
 * the cache when an identical chart was rendered by an earlier build.
 */
public final class Charts {
    public static final String PNG = "png";
    public static final String SVG = "svg";

    private final ChartSlicer slicer;
    private final String format;
    private final Function<String, String> url;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final java.util.Set<String> carried = ConcurrentHashMap.newKeySet();
    private final ChartCache cache;
    private final Function<String, java.util.Optional<byte[]>> previous;
    private final Formats formats;

    private record Job(ChartData data, int width, int height, int narrowWidth, int narrowHeight) {
    }

    /** What {@link #renderAll} did. */
    public record Stats(int rendered, int reused, long millis) {
    }

    /**
     * @param cache rendered charts kept across builds
     * @param previous the previous build's file at a site path ("charts/x.png"), for charts of reused pages
     * @param formats the site's date formats (words on axes, dates in alt text and tables)
     */
    public Charts(ChartSlicer slicer, String format, Function<String, String> url, ChartCache cache,
                  Function<String, java.util.Optional<byte[]>> previous, Formats formats) {
        this.formats = formats;
        this.slicer = slicer;
        this.format = format;
        this.url = url;
        this.cache = cache;
        this.previous = previous;
    }

    /** Keeps a chart file of a page carried over from the previous build ("x.png"). */
    public void carry(String fileName) {
        carried.add(fileName);
    }

    /** Whether a chart file can be carried over: it is in the cache or in the previous build. */
    public boolean available(String fileName) {
        return cache.has(fileName) || previous.apply("charts/" + fileName).isPresent();
    }

    /**
     * Registers a chart ending at {@code asOf} (no later data is shown).
     *
     * @throws ChartException when the data cannot make the chart (unknown symbol, empty range)
     */
    public ChartView request(ChartSpec spec, LocalDate asOf, int width, int height) {
        return request(spec, asOf, width, height, 0, 0);
    }

    /**
     * Registers a chart ending at {@code asOf}, with a narrow variant for phones of {@code narrowWidth} ×
     * {@code narrowHeight} (none when 0): the same data drawn smaller, so that its text stays legible.
     */
    public ChartView request(ChartSpec spec, LocalDate asOf, int width, int height, int narrowWidth, int narrowHeight) {
        ChartSlicer.Result result = slicer.slice(spec, asOf);
        if (result.data() == null) throw new ChartException(result.error());
        ChartData data = result.data();
        String key = key(data, width, height, narrowWidth, narrowHeight, formats);
        jobs.putIfAbsent(key, new Job(data, width, height, narrowWidth, narrowHeight));
        String base = "charts/" + key;
        boolean spark = spec.type() == ChartSpec.Type.SPARKLINE;
        ChartText.Table t = spark ? null : ChartText.table(data, formats);
        List<ChartView.Source> sources = new ArrayList<>();
        if (narrowWidth > 0) {
            sources.add(new ChartView.Source(ChartView.NARROW + " and " + ChartView.DARK,
                    srcset(base + NARROW + DARK, true), narrowWidth, narrowHeight));
            sources.add(new ChartView.Source(ChartView.NARROW, srcset(base + NARROW, true), narrowWidth, narrowHeight));
        }
        sources.add(new ChartView.Source(ChartView.DARK, srcset(base + DARK, false), width, height));
        return new ChartView(
                url.apply(base + "." + format),
                format.equals(PNG) ? srcset(base, false) : null,
                width, height, ChartText.title(data, formats), ChartText.alt(data, formats),
                t == null ? null : new ChartView.Table(t.caption(), t.headers(), t.rows()), sources);
    }

    /** Suffixes of the variants' file names. */
    static final String DARK = "-dark";
    static final String NARROW = "-narrow";

    /** A variant's srcset: PNG at 1x and 2x (a narrow PNG only at 2x: phones have dense screens), or the SVG. */
    private String srcset(String base, boolean narrow) {
        if (!format.equals(PNG)) return url.apply(base + ".svg");
        String twice = url.apply(base + "@2x.png") + " 2x";
        return narrow ? twice : url.apply(base + ".png") + " 1x, " + twice;
    }

    /** The file names of a chart's variants, in drawing order. */
    private List<String> names(String key, Job job) {
        List<String> names = new ArrayList<>();
        for (String dark : List.of("", DARK)) {
            if (format.equals(PNG)) {
                names.add(key + dark + ".png");
                names.add(key + dark + "@2x.png");
                if (job.narrowWidth() > 0) names.add(key + NARROW + dark + "@2x.png");
            } else {
                names.add(key + dark + ".svg");
                if (job.narrowWidth() > 0) names.add(key + NARROW + dark + ".svg");
            }
        }
        return names;
    }

    /** Draws every variant of a chart, in the order of {@link #names}. */
    private List<byte[]> draw(Job job) {
        List<byte[]> out = new ArrayList<>();
        for (ChartTheme.Palette palette : List.of(ChartTheme.LIGHT, ChartTheme.DARK)) {
            var chart = ChartDrawer.draw(job.data(), formats, palette, job.width());
            var narrow = job.narrowWidth() > 0 ? ChartDrawer.draw(job.data(), formats, palette, job.narrowWidth()) : null;
            if (format.equals(PNG)) {
                out.add(ChartEncoder.png(chart, job.width(), job.height(), 1));
                out.add(ChartEncoder.png(chart, job.width(), job.height(), 2));
                if (narrow != null) out.add(ChartEncoder.png(narrow, job.narrowWidth(), job.narrowHeight(), 2));
            } else {
                out.add(ChartEncoder.svg(chart, job.width(), job.height()));
                if (narrow != null) out.add(ChartEncoder.svg(narrow, job.narrowWidth(), job.narrowHeight()));
            }
        }
        return out;
    }

    /** Like {@link #request}, but null when the data cannot make the chart: for charts nobody asked for by name. */
    public ChartView optional(ChartSpec spec, LocalDate asOf, int width, int height) {
        try {
            return request(spec, asOf, width, height);
        } catch (ChartException e) {
            return null;
        }
    }

    public int distinct() {
        return jobs.size();
    }

    /** Writes every requested chart's files, rendering only those not in the cache. */
    public Stats renderAll(BiConsumer<String, byte[]> out) {
        return renderAll(out, null);
    }

    /**
     * Writes every requested chart's files, rendering only those not in the cache; cached files go through
     * {@code link} (a hard link into the site) when it is given.
     */
    public Stats renderAll(BiConsumer<String, byte[]> out, BiConsumer<String, java.nio.file.Path> link) {
        long start = System.nanoTime();
        AtomicInteger rendered = new AtomicInteger();
        AtomicInteger reused = new AtomicInteger();
        List<Map.Entry<String, Job>> all = new ArrayList<>(jobs.entrySet());
        all.sort(Map.Entry.comparingByKey());
        all.parallelStream().forEach(entry -> {
            String key = entry.getKey();
            Job job = entry.getValue();
            List<String> names = names(key, job);
            // Files still to write: those that could not be linked from the cache.
            List<String> todo = new ArrayList<>(names);
            if (link != null && names.stream().allMatch(cache::has)) todo.removeIf(name -> linked(link, name));
            if (todo.isEmpty()) {
                reused.incrementAndGet();
                return;
            }
            Map<String, byte[]> files = new java.util.HashMap<>();
            for (String name : todo) {
                cache.get(name).ifPresent(b -> files.put(name, b));
            }
            if (files.size() != todo.size()) {
                List<byte[]> drawn = draw(job);
                for (int i = 0; i < names.size(); i++) {
                    cache.put(names.get(i), drawn.get(i));
                    files.put(names.get(i), drawn.get(i));
                }
                // Linked from the cache as later builds link it, so the site's file is the cache's (with its stored
                // time): the next build finds the published charts intact and, with nothing changed, does nothing.
                if (link != null) todo.removeIf(name -> linked(link, name));
                rendered.incrementAndGet();
            } else {
                reused.incrementAndGet();
            }
            for (String name : todo) out.accept("charts/" + name, files.get(name));
        });
        // Files of carried-over pages that no page asked for again in this build.
        java.util.Set<String> written = new java.util.HashSet<>();
        jobs.forEach((key, job) -> written.addAll(names(key, job)));
        for (String name : new java.util.TreeSet<>(carried)) {
            if (written.contains(name)) continue;
            if (link != null && linked(link, name)) continue;
            java.util.Optional<byte[]> bytes = cache.get(name).or(() -> previous.apply("charts/" + name));
            bytes.ifPresent(b -> out.accept("charts/" + name, b));
        }
        return new Stats(rendered.get(), reused.get(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Links a cached file into the site; false when it is not in the cache or went away before it could be
     * linked (a build sharing the cache pruned it): the caller then writes the bytes instead.
     */
    private boolean linked(BiConsumer<String, java.nio.file.Path> link, String name) {
        java.nio.file.Path file = cache.file(name);
        if (file == null) return false;
        try {
            link.accept("charts/" + name, file);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A hash of everything that decides a chart's pixels: its data slice, spec, size, format, theme and the
     * rules that write its labels.
     */
    static String key(ChartData d, int width, int height, int narrowWidth, int narrowHeight, Formats formats) {
        Hasher h = new Hasher();
        h.put(ChartTheme.VERSION).put(d.spec().type().name()).put(d.spec().range()).put(ChartText.title(d, formats))
                .put(width).put(height).put(narrowWidth).put(narrowHeight).put(formats.key());
        for (ChartData.Slice s : d.slices()) {
            h.put(s.symbol()).put(s.name());
            for (Bar b : s.bars()) {
                h.put(b.date().toEpochDay()).put(b.open()).put(b.high()).put(b.low()).put(b.close())
                        .put(b.volume() == null ? -1 : b.volume());
            }
        }
        for (SectorMove m : d.sectors()) {
            h.put(m.name()).put(m.changePct()).put(m.ytdPct());
        }
        return h.hex();
    }

    /** A streaming 128-bit hash (two multiply-xorshift lanes): fast, and stable across runs and machines. */
    static final class Hasher {
        private long a = 0x9E3779B97F4A7C15L;
        private long b = 0xC2B2AE3D27D4EB4FL;

        Hasher put(long v) {
            a = mix(a ^ v) * 0x100000001B3L;
            b = mix(b + v + 0x632BE59BD9B4E019L);
            return this;
        }

        Hasher put(double v) {
            return put(Double.doubleToLongBits(v));
        }

        Hasher put(Double v) {
            return put(v == null ? 0x7FF8DEADL : Double.doubleToLongBits(v));
        }

        Hasher put(String s) {
            put(s.length());
            for (int i = 0; i < s.length(); i++) put((long) s.charAt(i));
            return this;
        }

        String hex() {
            return String.format(java.util.Locale.ROOT, "%016x%016x", mix(a), mix(b ^ a));
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
            z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return z ^ (z >>> 33);
        }
    }

    /** Why a chart cannot be made from the data. */
    public static final class ChartException extends RuntimeException {
        public ChartException(String message) {
            super(message);
        }
    }
}
