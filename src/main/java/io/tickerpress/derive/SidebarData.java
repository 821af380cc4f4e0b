package io.tickerpress.derive;

import io.tickerpress.model.StockOfTheDay;

import java.time.LocalDate;
import java.util.List;

/**
 * What the "Stock Market Today" sidebar shows: stock-of-the-day items newest first, each with its day's
 * move, and the index board as of {@code boardDate}.
 */
public record SidebarData(List<Item> items, List<Move> board, LocalDate boardDate) {
    /** @param move the item's day's move; in {@code asOf} mode before that day's close, the move known then (or null) */
    public record Item(StockOfTheDay entry, Move move) {
    }

    public SidebarData {
        items = List.copyOf(items);
        board = List.copyOf(board);
    }
}
