package io.tickerpress.derive;

import java.util.Locale;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Digest;
import io.tickerpress.model.MarketSettings;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.Quote;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.StockOfTheDay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Derives the market parts of pages: digest days, the sidebar, and moves of symbols on a day. */
public final class MarketPages {
    private final Market market;
    private final SiteConfig config;

    public MarketPages(Market market, SiteConfig config) {
        this.market = market;
        this.config = config;
    }

    public static String digestPath(LocalDate date) {
        return String.format(Locale.ROOT, "markets/%04d/%02d/%02d/", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** A quote's move on a snapshot's day, under the name the snapshot gives ({@link Market#move} decides the figures). */
    public Move move(Quote q, LocalDate date) {
        Move m = market.moveOn(q.symbol(), date).orElseThrow(() ->
                new IllegalStateException("the loader merges every snapshot quote: " + q.symbol() + " " + date));
        return new Move(m.symbol(), q.name(), m.date(), m.close(), m.change(), m.changePct(), m.volume());
    }

    /** A symbol's move on the last day at or before {@code date} in its series. */
    public Optional<Move> moveAsOf(String symbol, LocalDate date) {
        return market.stats(symbol).flatMap(s -> {
            int i = s.series().indexAtOrBefore(date);
            return i < 0 ? Optional.empty() : Optional.of(market.move(symbol, i));
        });
    }

    /** The digest pages, oldest first. A write-up for a day without a snapshot is an error. */
    public List<DigestDay> digests(List<Digest> editorials, List<PublishedArticle> newestFirst) {
        List<Snapshot> snapshots = market.snapshots();
        Map<LocalDate, Digest> byDate = new HashMap<>();
        for (Digest d : editorials) {
            if (market.snapshotOn(d.date()).isEmpty()) {
                String why = market.calendar().closedReason(d.date()).map(r -> " (the exchange was closed: " + r + ")").orElse("");
                throw new InputError(d.file(), 1, "digest for " + d.date() + " has no market snapshot"
                        + " content/market/" + d.date() + ".json" + why);
            }
            byDate.put(d.date(), d);
        }
        Map<LocalDate, List<PublishedArticle>> articlesByDay = new HashMap<>();
        for (PublishedArticle a : newestFirst) {
            LocalDate day = a.article().date().withZoneSameInstant(config.timezone()).toLocalDate();
            articlesByDay.computeIfAbsent(day, k -> new ArrayList<>()).add(a);
        }
        List<DigestDay> days = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            List<Move> indices = s.indices().stream().map(q -> move(q, s.date())).toList();
            List<Move> stocks = s.quotes().stream().map(q -> move(q, s.date())).filter(m -> m.changePct() != null).toList();
            int n = config.market().movers();
            // Listed by the move's direction, the one rule of arrows and streaks: a close above the previous one is a
            // gainer, even when its percent reads 0.00%; an unchanged close is neither.
            List<Move> gainers = stocks.stream().filter(m -> m.direction() > 0)
                    .sorted(Comparator.comparing(Move::changePct).reversed().thenComparing(Move::symbol)).limit(n).toList();
            List<Move> losers = stocks.stream().filter(m -> m.direction() < 0)
                    .sorted(Comparator.comparing(Move::changePct).thenComparing(Move::symbol)).limit(n).toList();
            DigestDay.Ref prev = i > 0 ? ref(snapshots.get(i - 1)) : null;
            DigestDay.Ref next = i + 1 < snapshots.size() ? ref(snapshots.get(i + 1)) : null;
            days.add(new DigestDay(s, byDate.get(s.date()), digestPath(s.date()), indices, gainers, losers,
                    articlesByDay.getOrDefault(s.date(), List.of()), prev, next));
        }
        return days;
    }

    private static DigestDay.Ref ref(Snapshot s) {
        return new DigestDay.Ref(s.date(), digestPath(s.date()));
    }

    /**
     * The sidebar for a page published at {@code moment}: in {@code asOf} mode only data known then, else the
     * newest data.
     */
    public SidebarData sidebar(Instant moment) {
        MarketSettings settings = config.market();
        boolean asOf = settings.asOf() && moment != null;
        // In asOf mode an item may come out before its day's close: it shows the move known at the moment.
        LocalDate known = asOf ? market.lastCloseDate(moment) : null;
        List<SidebarData.Item> items = new ArrayList<>();
        List<Snapshot> snapshots = market.snapshots();
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            Snapshot s = snapshots.get(i);
            List<StockOfTheDay> entries = s.stockOfTheDay().stream()
                    .filter(e -> !asOf || !e.time().toInstant().isAfter(moment))
                    .sorted(Comparator.comparing((StockOfTheDay e) -> e.time().toInstant()).reversed()).toList();
            for (StockOfTheDay e : entries) {
                Quote q = findQuote(s, e.symbol());
                Move m = known == null || !known.isBefore(s.date()) ? move(q, s.date())
                        : moveAsOf(q.symbol(), known).map(x -> new Move(x.symbol(), q.name(), x.date(), x.close(), x.change(),
                        x.changePct(), x.volume())).orElse(null);
                items.add(new SidebarData.Item(e, m));
            }
        }
        items.sort(Comparator.comparing((SidebarData.Item it) -> it.entry().time().toInstant()).reversed());
        List<SidebarData.Item> shown = items.subList(0, Math.min(settings.sidebarCount(), items.size()));

        LocalDate boardDate = asOf ? market.lastCloseDate(moment)
                : market.latestSnapshot().map(Snapshot::date).orElse(null);
        List<Move> board = new ArrayList<>();
        if (boardDate != null) {
            List<String> symbols = settings.board();
            if (symbols.isEmpty()) {
                Optional<Snapshot> snap = asOf ? market.snapshotAsOf(moment) : market.latestSnapshot();
                symbols = snap.map(s -> s.indices().stream().map(Quote::symbol).toList()).orElse(List.of());
            }
            LocalDate on = boardDate;
            for (String symbol : symbols) {
                moveAsOf(symbol, on).ifPresent(board::add);
            }
            LocalDate latestBar = board.stream().map(m -> market.stats(m.symbol()).get())
                    .map(s -> s.date(s.series().indexAtOrBefore(on))).max(Comparator.naturalOrder()).orElse(null);
            boardDate = latestBar;
        }
        return new SidebarData(shown, board, boardDate);
    }

    private static Quote findQuote(Snapshot s, String symbol) {
        for (List<Quote> list : List.of(s.indices(), s.quotes())) {
            for (Quote q : list) {
                if (q.symbol().equals(symbol)) return q;
            }
        }
        throw new IllegalStateException("validated by the loader: " + symbol + " in " + s.file());
    }
}
