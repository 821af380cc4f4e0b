package io.tickerpress.render.view;

/** Template variable {@code pager}: page {@code number} of {@code total}; newer/older URLs are null at the ends. */
public record PagerView(int number, int total, String newerUrl, String olderUrl) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
