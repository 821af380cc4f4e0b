package io.tickerpress.render.view;

/** One labelled figure, e.g. {"YTD", "+7.9%"}. */
public record StatView(String label, String value) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
