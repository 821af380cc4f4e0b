package io.tickerpress.model;

import java.util.List;

/**
 * The {@code market:} section of site.yaml.
 *
 * @param closures extra exchange closures
 * @param board index symbols shown on sidebar and digest boards, in order
 * @param sidebarMode {@code latest} (newest data on every page) or {@code asOf} (data as of each article's time)
 * @param sidebarCount how many stock-of-the-day entries the sidebar shows
 * @param movers how many top gainers and losers a digest lists
 * @param benchmark the symbol ticker pages compare with for the relative streak
 * @param mainIndex the index whose candlestick chart digest pages show
 * @param earlyCloses closing times for days beyond the rule-based early closes (or 16:00 to undo one)
 * @param strict whether missing trading days in the data stop the build (else they are warnings)
 * @param sectors sectors and their member symbols, from which {@code new snapshot} computes sector moves
 * @param sidebarPages the page kinds that show the market sidebar (see {@link #PAGE_KINDS})
 */
public record MarketSettings(List<Closure> closures, List<String> board, String sidebarMode, int sidebarCount,
                             int movers, String benchmark, String mainIndex, List<EarlyClose> earlyCloses,
                             boolean strict, List<SectorMembers> sectors, List<String> sidebarPages) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    public static final String LATEST = "latest";
    /** The page kinds that can show the market sidebar. */
    public static final List<String> PAGE_KINDS = List.of("article", "home", "list", "ticker", "archive", "author",
            "digest", "markets", "terms");
    public static final List<String> DEFAULT_SIDEBAR_PAGES = List.of("article", "home", "list", "ticker", "archive",
            "author");
    public static final String AS_OF = "asOf";

    public MarketSettings {
        closures = List.copyOf(closures);
        board = List.copyOf(board);
        earlyCloses = List.copyOf(earlyCloses);
        sectors = List.copyOf(sectors);
        sidebarPages = List.copyOf(sidebarPages);
    }

    public MarketSettings(List<Closure> closures, List<String> board, String sidebarMode, int sidebarCount, int movers,
                          String benchmark, String mainIndex, List<EarlyClose> earlyCloses, boolean strict) {
        this(closures, board, sidebarMode, sidebarCount, movers, benchmark, mainIndex, earlyCloses, strict, List.of(),
                DEFAULT_SIDEBAR_PAGES);
    }

    /** Whether pages of a kind show the market sidebar. */
    public boolean sidebarOn(String kind) {
        return sidebarPages.contains(kind);
    }

    public static MarketSettings defaults() {
        return new MarketSettings(List.of(), List.of(), LATEST, 3, 5, "SPX", "SPX", List.of(), false, List.of(), DEFAULT_SIDEBAR_PAGES);
    }

    public boolean asOf() {
        return AS_OF.equals(sidebarMode);
    }
}
