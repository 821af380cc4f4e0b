package io.tickerpress.model;

/** An attributed source of an article: a name and, optionally, a link. */
public record Source(String name, String url) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }
}
