package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code digest} on a trading day's page.
 *
 * @param date "Tuesday, January 20, 2026"
 * @param title the editor's headline, or "Stock Market Today: Jan 20, 2026"
 * @param bodyHtml the editor's write-up, or "" when there is none
 */
public record DigestView(String date, String dateIso, String title, List<String> summary, String bodyHtml,
                         List<MoveView> indices, List<MoveView> gainers, List<MoveView> losers,
                         List<SectorView> sectors, List<MarketItemView> stockOfTheDay, List<ArticleItemView> articles,
                         LinkView previous, LinkView next) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    public DigestView withBody(String html) {
        return new DigestView(date, dateIso, title, summary, html, indices, gainers, losers, sectors, stockOfTheDay,
                articles, previous, next);
    }
}
