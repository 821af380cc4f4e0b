package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code sidebar}: "Stock Market Today" items and the index board.
 *
 * @param boardDate "Jan 16, 2026": the close the board shows, or null without market data
 */
public record SidebarView(String title, List<MarketItemView> items, List<MoveView> board, String boardDate) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
