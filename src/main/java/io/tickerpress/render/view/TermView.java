package io.tickerpress.render.view;

/** A tag or ticker in an index, with how many articles carry it. */
public record TermView(String name, String url, int count) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
