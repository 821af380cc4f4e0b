package io.tickerpress.model;

/** A chart asked for in a file, with the line that asked, for error messages. */
public record ChartRequest(ChartSpec spec, int line) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }
}
