package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code ticker} on a ticker page.
 *
 * @param latest the latest close and move, or null when no market data has the symbol
 * @param date "Jan 23, 2026": the day of {@code latest}
 */
public record TickerView(String symbol, String name, MoveView latest, String date, List<StatView> stats) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
