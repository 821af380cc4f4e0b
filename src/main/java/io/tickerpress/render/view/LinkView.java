package io.tickerpress.render.view;

/** A titled link, e.g. a tag, a source, or a previous/next story. {@code url} may be null for plain text. */
public record LinkView(String title, String url) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
