package io.tickerpress.render.view;

/**
 * A stock-of-the-day item: {@code time} like "January 20, 2026, 8:16 AM EST", {@code bodyHtml} the
 * rendered Markdown blurb, {@code move} the symbol's move that day.
 */
public record MarketItemView(String symbol, String url, String headline, String time, String timeIso,
                             String bodyHtml, MoveView move) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
