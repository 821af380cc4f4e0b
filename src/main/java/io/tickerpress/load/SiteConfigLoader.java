package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Closure;
import io.tickerpress.model.EarlyClose;
import io.tickerpress.model.Limits;
import io.tickerpress.model.MarketSettings;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TimeFormats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code content/site.yaml}. */
public final class SiteConfigLoader {
    static final Set<String> FIELDS = Set.of("title", "description", "baseUrl", "language", "timezone", "paginate",
            "permalinks", "markdown", "publisher", "market", "charts", "feeds", "limits", "formats",
            "deploy");
    private static final Pattern TOKEN = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PERMALINK_TOKENS = Set.of("yyyy", "mm", "dd", "slug");

    private SiteConfigLoader() {
    }

    public static SiteConfig load(Path contentDir) {
        return read(contentDir).config();
    }

    /**
     * site.yaml, read once: its settings, and its market section as written (with its lines), for the check of
     * its symbols against the data ({@link Read#checkMarketSymbols}) without reading the file again.
     */
    static Read read(Path contentDir) {
        Path file = contentDir.resolve("site.yaml");
        String display = Diagnostics.display(file);
        if (!Files.isRegularFile(file)) {
            throw new InputError(display, "site configuration not found: create content/site.yaml with at least 'title:'");
        }
        Fields f = LocatedTree.yaml(TextFiles.read(file, display, 1 << 20), display, 0).root().allowOnly(FIELDS);
        return new Read(config(f), f.object("market"));
    }

    /** site.yaml's settings and its {@code market:} section as written (null when it has none). */
    record Read(SiteConfig config, Fields market) {
        /**
         * The symbols {@code market:} names ({@code board}, {@code benchmark}, {@code mainIndex}) must have data once
         * the site has any: a typo would leave a board row, the ticker pages' comparison or the digests' candlestick
         * out without a word. The defaults (SPX) are not checked: a site without SPX data just goes without them.
         */
        void checkMarketSymbols(java.util.Collection<String> symbols) {
            if (symbols.isEmpty() || market == null) return;
            for (String raw : market.strings("board")) checkSymbol(market, "board", raw, symbols);
            for (String key : List.of("benchmark", "mainIndex")) {
                if (market.has(key)) checkSymbol(market, key, market.string(key), symbols);
            }
        }
    }

    private static SiteConfig config(Fields f) {

        String baseUrl = f.string("baseUrl", "http://localhost:1414/");
        if (!Urls.isAbsoluteHttp(baseUrl)) {
            throw f.error("baseUrl", "'baseUrl' must be an absolute http(s) URL such as https://news.example.com/, not '"
                    + baseUrl + "'");
        }
        Urls.baseUrlProblem(baseUrl).ifPresent(problem -> {
            throw f.error("baseUrl", "'baseUrl' (" + baseUrl + ") " + problem);
        });
        ZoneId zone;
        String zoneName = f.string("timezone", "America/New_York");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw f.error("timezone", "'timezone' is not a known time zone: '" + zoneName
                    + "' (use a name such as America/New_York)");
        }
        String permalink = SiteConfig.DEFAULT_PERMALINK;
        Fields permalinks = f.object("permalinks");
        if (permalinks != null) {
            permalinks.allowOnly(Set.of("article"));
            permalink = permalinks.string("article", permalink);
            validatePermalink(permalink, permalinks);
        }
        boolean unsafe = false;
        Fields markdown = f.object("markdown");
        if (markdown != null) {
            unsafe = markdown.allowOnly(Set.of("unsafe")).bool("unsafe", false);
        }
        return new SiteConfig(
                f.requiredString("title"),
                f.string("description", ""),
                baseUrl.endsWith("/") ? baseUrl : baseUrl + "/",
                f.string("language", "en"),
                zone,
                f.integer("paginate", 10, 1, 1000),
                permalink,
                unsafe,
                f.string("publisher", f.requiredString("title")),
                market(f.object("market")),
                chartFormat(f.object("charts")),
                f.object("feeds") != null && f.object("feeds").allowOnly(Set.of("fullContent")).bool("fullContent", false),
                limits(f.object("limits")),
                formats(f.object("formats")));
    }

    /** The {@code formats:} section: each pattern checked now, so that no page fails on it later. */
    private static TimeFormats formats(Fields f) {
        TimeFormats d = TimeFormats.defaults();
        if (f == null) return d;
        f.allowOnly(Set.of("dateline", "marketTime", "date", "longDate", "weekdayDate"));
        return new TimeFormats(pattern(f, "dateline", d.dateline(), true), pattern(f, "marketTime", d.marketTime(), true),
                pattern(f, "date", d.date(), false), pattern(f, "longDate", d.longDate(), false),
                pattern(f, "weekdayDate", d.weekdayDate(), false));
    }

    private static String pattern(Fields f, String key, String fallback, boolean withTime) {
        String p = f.string(key, fallback);
        String problem = TimePatterns.problem(p, withTime);
        if (problem != null) {
            throw f.error(key, "'formats." + key + "' " + problem + ": '" + p + "' (default: '" + fallback + "')");
        }
        return p;
    }

    private static Limits limits(Fields f) {
        Limits d = Limits.defaults();
        if (f == null) return d;
        f.allowOnly(Set.of("articleBytes", "snapshotBytes", "csvBytes"));
        return new Limits(bytes(f, "articleBytes", d.articleBytes()), bytes(f, "snapshotBytes", d.snapshotBytes()),
                bytes(f, "csvBytes", d.csvBytes()));
    }

    private static long bytes(Fields f, String key, long fallback) {
        java.math.BigDecimal v = f.decimal(key);
        if (v == null) return fallback;
        if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(java.math.BigDecimal.valueOf(1L << 40)) > 0) {
            throw f.error(key, "'limits." + key + "' must be a whole number of bytes from 1 to 2^40");
        }
        return v.longValue();
    }

    private static String chartFormat(Fields charts) {
        if (charts == null) return "png";
        String format = charts.allowOnly(Set.of("format")).string("format", "png");
        if (!format.equals("png") && !format.equals("svg")) {
            throw charts.error("format", "'charts.format' must be png or svg, not '" + format + "'");
        }
        return format;
    }

    private static void checkSymbol(Fields m, String key, String raw, java.util.Collection<String> symbols) {
        String symbol = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (symbols.contains(symbol)) return;
        String hint = Suggest.closest(symbol, symbols);
        throw m.error(key, "'" + key + "' names " + symbol + ", but no snapshot or history file has it"
                + (hint == null ? "" : " (did you mean " + hint + "?)") + ": correct the symbol, or add its data"
                + " (content/market/history/" + symbol + ".csv)");
    }

    private static MarketSettings market(Fields m) {
        MarketSettings defaults = MarketSettings.defaults();
        if (m == null) return defaults;
        m.allowOnly(Set.of("closures", "board", "sidebar", "movers", "benchmark", "mainIndex", "earlyCloses", "strict",
                "sectors"));
        List<Closure> closures = new ArrayList<>();
        for (Fields c : m.objects("closures")) {
            c.allowOnly(Set.of("date", "reason"));
            String text = c.requiredString("date");
            LocalDate date = DateValues.parseDate(text)
                    .orElseThrow(() -> c.error("date", "closure date '" + text + "' is not a date like 2025-01-09"));
            closures.add(new Closure(date, c.string("reason", "exchange closed")));
        }
        List<EarlyClose> earlyCloses = new ArrayList<>();
        for (Fields c : m.objects("earlyCloses")) {
            c.allowOnly(Set.of("date", "close"));
            String text = c.requiredString("date");
            LocalDate date = DateValues.parseDate(text)
                    .orElseThrow(() -> c.error("date", "early close date '" + text + "' is not a date like 2026-12-24"));
            String time = c.requiredString("close");
            if (!time.matches("\\d\\d:\\d\\d")) {
                throw c.error("close", "early close time '" + time + "' is not a New York time like 13:00");
            }
            LocalTime close;
            try {
                close = LocalTime.parse(time);
            } catch (java.time.format.DateTimeParseException e) {
                throw c.error("close", "early close time '" + time + "' is not a New York time like 13:00");
            }
            if (!close.isAfter(io.tickerpress.model.TradingCalendar.OPEN) || close.isAfter(io.tickerpress.model.TradingCalendar.REGULAR_CLOSE)) {
                throw c.error("close", "early close time " + time + " must be after the 09:30 open and at most 16:00");
            }
            new io.tickerpress.model.TradingCalendar(closures).closedReason(date).ifPresent(reason -> {
                throw c.error("date", "early close on " + date + ", but the exchange is closed that day (" + reason + ")");
            });
            earlyCloses.add(new EarlyClose(date, close));
        }
        String mode = defaults.sidebarMode();
        int count = defaults.sidebarCount();
        List<String> pages = defaults.sidebarPages();
        Fields sidebar = m.object("sidebar");
        if (sidebar != null) {
            sidebar.allowOnly(Set.of("mode", "count", "pages"));
            if (sidebar.has("pages")) {
                pages = sidebar.strings("pages").stream().map(String::strip).toList();
                for (String kind : pages) {
                    if (!MarketSettings.PAGE_KINDS.contains(kind)) {
                        throw sidebar.error("pages", "'sidebar.pages' lists '" + kind + "', which is not a page kind; known: "
                                + String.join(", ", MarketSettings.PAGE_KINDS));
                    }
                }
            }
            mode = sidebar.string("mode", mode);
            if (!mode.equals(MarketSettings.LATEST) && !mode.equals(MarketSettings.AS_OF)) {
                throw sidebar.error("mode", "'sidebar.mode' must be 'latest' or 'asOf', not '" + mode + "'");
            }
            count = sidebar.integer("count", count, 0, 50);
        }
        List<String> board = m.strings("board").stream().map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).toList();
        return new MarketSettings(closures, board, mode, count, m.integer("movers", defaults.movers(), 0, 50),
                m.string("benchmark", defaults.benchmark()).strip().toUpperCase(java.util.Locale.ROOT),
                m.string("mainIndex", defaults.mainIndex()).strip().toUpperCase(java.util.Locale.ROOT),
                earlyCloses, m.bool("strict", defaults.strict()), sectors(m), pages);
    }

    /** {@code market.sectors: [{name, members: [SYM, ...]}]}: each name once, members symbols. */
    private static List<io.tickerpress.model.SectorMembers> sectors(Fields m) {
        List<io.tickerpress.model.SectorMembers> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Fields s : m.objects("sectors")) {
            s.allowOnly(Set.of("name", "members"));
            String name = s.requiredString("name").strip();
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw s.error("name", "sector '" + name + "' is listed twice");
            }
            List<String> members = new ArrayList<>();
            for (String raw : s.strings("members")) {
                String symbol = raw.strip().toUpperCase(java.util.Locale.ROOT);
                if (!SnapshotLoader.SYMBOL.matcher(symbol).matches()) {
                    throw s.error("members", "member '" + raw + "' of sector '" + name + "' is not a symbol");
                }
                if (!members.contains(symbol)) members.add(symbol);
            }
            if (members.isEmpty()) throw s.error("name", "sector '" + name + "' has no 'members' (symbols)");
            out.add(new io.tickerpress.model.SectorMembers(name, members));
        }
        return out;
    }

    private static void validatePermalink(String pattern, Fields f) {
        if (!pattern.startsWith("/") || !pattern.endsWith("/") || !pattern.contains("{slug}")) {
            throw f.error("article", "'permalinks.article' must start and end with '/' and contain {slug}, not '"
                    + pattern + "'");
        }
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) {
            if (!PERMALINK_TOKENS.contains(m.group(1))) {
                throw f.error("article", "'permalinks.article' has unknown token {" + m.group(1)
                        + "}; known: {yyyy}, {mm}, {dd}, {slug}");
            }
        }
        String literal = TOKEN.matcher(pattern).replaceAll("x");
        if (!literal.matches("[A-Za-z0-9/_.-]+") || literal.contains("..") || literal.contains("//")) {
            throw f.error("article", "'permalinks.article' may hold only letters, digits, '-', '_', '.' and '/' besides"
                    + " its tokens, not '" + pattern + "'");
        }
    }
}
