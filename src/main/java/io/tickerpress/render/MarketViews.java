package io.tickerpress.render;

import io.tickerpress.derive.DigestDay;
import io.tickerpress.derive.Market;
import io.tickerpress.derive.Move;
import io.tickerpress.derive.SeriesStats;
import io.tickerpress.derive.SidebarData;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.model.SectorMove;
import io.tickerpress.model.StockOfTheDay;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.render.view.ArticleItemView;
import io.tickerpress.render.view.ChartView;
import io.tickerpress.render.view.DigestView;
import io.tickerpress.render.view.LinkView;
import io.tickerpress.render.view.MarketItemView;
import io.tickerpress.render.view.MoveView;
import io.tickerpress.render.view.SectorView;
import io.tickerpress.render.view.SidebarView;
import io.tickerpress.render.view.StatView;
import io.tickerpress.render.view.TickerView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Turns derived market data into the preformatted view records templates receive. */
public final class MarketViews {
    private final Market market;
    private final Formats formats;
    private final MarkdownRenderer markdown;
    private final Diagnostics diagnostics;
    private final Function<String, String> url;
    private final String benchmark;
    private final Map<StockOfTheDay, String> blurbs = new ConcurrentHashMap<>();
    private final Charts charts;
    static final int SPARK_WIDTH = 120;
    static final int SPARK_HEIGHT = 32;

    public MarketViews(Market market, MarkdownRenderer markdown, Diagnostics diagnostics, Function<String, String> url,
                       String benchmark, Charts charts, Formats formats) {
        this.charts = charts;
        this.formats = formats;
        this.market = market;
        this.markdown = markdown;
        this.diagnostics = diagnostics;
        this.url = url;
        this.benchmark = benchmark;
    }

    /** "tickers/nvda/": lower case, so that no two folders differ only in case ("^" becomes "_"). */
    public static String tickerPath(String symbol) {
        return "tickers/" + symbol.replace("^", "_").toLowerCase(java.util.Locale.ROOT) + "/";
    }

    public String tickerUrl(String symbol) {
        return url.apply(tickerPath(symbol));
    }

    public MoveView move(Move m) {
        return move(m, null);
    }

    /** A move with its one-month sparkline, for boards and sidebar items. */
    public MoveView moveWithSpark(Move m) {
        return move(m, charts == null ? null : charts.optional(new ChartSpec(ChartSpec.Type.SPARKLINE, List.of(m.symbol()),
                "1M", ""), m.date(), SPARK_WIDTH, SPARK_HEIGHT));
    }

    private MoveView move(Move m, ChartView spark) {
        return move(m, spark, "");
    }

    private MoveView move(Move m, ChartView spark, String closeDate) {
        return new MoveView(m.symbol(), m.name(), tickerUrl(m.symbol()), Numbers.price(m.close()),
                m.change() == null ? "" : Numbers.change(m.change(), m.close()),
                m.changePct() == null ? "" : Numbers.pct(m.changePct()),
                Numbers.direction(m.direction()),
                m.changePct() == null ? "" : Numbers.arrow(m.direction()),
                m.volume() == null ? "" : Numbers.volume(m.volume()), spark, closeDate);
    }

    public MarketItemView item(StockOfTheDay e, Move m) {
        String html = blurbs.computeIfAbsent(e, x -> markdown.render(x.body(), x.file(), x.line(), diagnostics));
        return new MarketItemView(e.symbol(), tickerUrl(e.symbol()), e.headline(), formats.marketTime(e.time()),
                Formats.iso(e.time()), html, m != null ? moveWithSpark(m)
                : new MoveView(e.symbol(), e.symbol(), tickerUrl(e.symbol()), "", "", "", "flat", "", "", null, ""));
    }

    public SidebarView sidebar(SidebarData data) {
        return new SidebarView("Stock Market Today",
                data.items().stream().map(it -> item(it.entry(), it.move())).toList(),
                data.board().stream().map(m -> boardRow(m, data.boardDate())).toList(),
                data.boardDate() == null ? null : formats.date(data.boardDate()));
    }

    /** A board row; one whose close is older than the board's day (its data ends earlier) names its own day. */
    private MoveView boardRow(Move m, LocalDate boardDate) {
        MoveView v = moveWithSpark(m);
        if (m.date().equals(boardDate)) return v;
        return move(m, v.spark(), formats.date(m.date()));
    }

    public DigestView digest(DigestDay day, String bodyHtml, MarketPagesLookup lookup, List<ArticleItemView> articles) {
        LocalDate date = day.snapshot().date();
        String title = day.editorial() != null ? day.editorial().title()
                : "Stock Market Today: " + formats.date(date);
        List<SectorView> sectors = new ArrayList<>();
        for (SectorMove s : day.snapshot().sectors()) {
            double d = s.changePct() == null ? 0 : s.changePct();
            sectors.add(new SectorView(s.name(), s.changePct() == null ? "" : Numbers.pct(s.changePct()),
                    s.ytdPct() == null ? "" : Numbers.pct(s.ytdPct()), Numbers.direction(d),
                    s.changePct() == null ? "" : Numbers.arrow(d)));
        }
        List<MarketItemView> items = day.snapshot().stockOfTheDay().stream()
                .map(e -> item(e, lookup.moveOn(e.symbol(), date))).toList();
        return new DigestView(formats.weekdayDate(date), date.toString(), title,
                day.editorial() == null ? List.of() : day.editorial().summary(), bodyHtml,
                day.indices().stream().map(this::move).toList(),
                day.gainers().stream().map(this::move).toList(),
                day.losers().stream().map(this::move).toList(),
                sectors, items, articles,
                day.previous() == null ? null : new LinkView(formats.weekdayDate(day.previous().date()), url.apply(day.previous().path())),
                day.next() == null ? null : new LinkView(formats.weekdayDate(day.next().date()), url.apply(day.next().path())));
    }

    /** Finds a symbol's move on a snapshot day (implemented by the derive stage). */
    public interface MarketPagesLookup {
        Move moveOn(String symbol, LocalDate date);
    }

    /** The ticker page's figures, as of the latest bar of the symbol. */
    public TickerView ticker(String symbol, String fallbackName) {
        var statsOpt = market.stats(symbol);
        if (statsOpt.isEmpty() || statsOpt.get().size() == 0) {
            return new TickerView(symbol, fallbackName, null, null, List.of());
        }
        SeriesStats s = statsOpt.get();
        int i = s.size() - 1;
        Move latest = market.move(symbol, i);
        List<StatView> stats = new ArrayList<>();
        var bar = s.series().bar(i);
        // The latest session in full, as far as the data has it.
        if (bar.open() != null) stats.add(new StatView("Open", Numbers.price(bar.open())));
        if (bar.high() != null) stats.add(new StatView("High", Numbers.price(bar.high())));
        if (bar.low() != null) stats.add(new StatView("Low", Numbers.price(bar.low())));
        stats.add(new StatView("Close", Numbers.price(s.close(i))));
        if (latest.change() != null) stats.add(new StatView("Change", Numbers.change(latest.change(), latest.close())));
        if (latest.changePct() != null) stats.add(new StatView("% Change", Numbers.pct(latest.changePct())));
        if (bar.volume() != null) stats.add(new StatView("Volume", Numbers.volume(bar.volume())));
        if (s.hasPreviousSession(i)) stats.add(new StatView("Previous close", Numbers.price(s.close(i - 1))));
        pct(stats, "Year to date", s.ytd(i));
        int year = s.date(i).getYear();
        pct(stats, "First 10 trading days of " + year, s.firstNDays(i, year, 10, market.calendar()));
        int high = s.high52(i);
        int low = s.low52(i);
        // Closes, not intraday highs and lows (the data may have closes only): said in the label, as the chart
        // beside it ("52 weeks") draws the same closes.
        stats.add(new StatView("52-week closing range", Numbers.price(s.close(low)) + " – " + Numbers.price(s.close(high))));
        stats.add(new StatView("52-week closing high", Numbers.price(s.close(high)) + " (" + formats.date(s.date(high)) + ")"));
        stats.add(new StatView("52-week closing low", Numbers.price(s.close(low)) + " (" + formats.date(s.date(low)) + ")"));
        int record = s.lastRecord(i);
        stats.add(new StatView("Record close", Numbers.price(s.close(record)) + " (" + formats.date(s.date(record)) + ")"));
        stats.add(new StatView("Sessions since record", Integer.toString(s.sessionsSinceRecord(i))));
        int streak = s.streak(i);
        if (s.hasPreviousSession(i)) stats.add(new StatView("Streak", streak == 0 ? "unchanged" : Math.abs(streak) + (streak > 0 ? " up" : " down")
                + (Math.abs(streak) == 1 ? " session" : " sessions")));
        if (!symbol.equals(benchmark)) {
            market.stats(benchmark).ifPresent(b -> stats.add(new StatView("Sessions in a row beating " + benchmark,
                    Integer.toString(s.relativeStreak(i, b)))));
        }
        return new TickerView(symbol, s.series().name(), move(latest), formats.date(s.date(i)), stats);
    }

    private static void pct(List<StatView> stats, String label, OptionalDouble v) {
        if (v.isPresent()) stats.add(new StatView(label, Numbers.pct(v.getAsDouble())));
    }
}
