package io.tickerpress.render.view;

/**
 * A symbol's close and change, preformatted: {@code close} "2,698.10", {@code change} "+21.40",
 * {@code changePct} "+0.80%" (empty strings when unknown), {@code direction} "up"/"down"/"flat" and
 * {@code arrow} "▲"/"▼"/"■" so that direction never relies on colour alone; {@code spark} a one-month
 * sparkline where the page shows one, else null; {@code closeDate} the day of the close ("Jan 15, 2026") where it
 * is not the day the table is for (a board row whose data ends earlier), else an empty string.
 */
public record MoveView(String symbol, String name, String url, String close, String change, String changePct,
                       String direction, String arrow, String volume, ChartView spark, String closeDate) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
