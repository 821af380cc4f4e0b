package io.tickerpress.render.view;

import java.util.List;

/**
 * A rendered chart: {@code src} (PNG at 1x, or SVG), {@code srcset} (with the 2x PNG; null for SVG), the
 * size in CSS pixels, a caption {@code title}, {@code alt} text made from the data, the data {@code table}
 * (null for sparklines, whose figures stand beside them), and {@code sources}: the variants for
 * {@code <picture>}, first match wins (narrow and dark, narrow, dark; the light wide image is {@code src}).
 */
public record ChartView(String src, String srcset, int width, int height, String title, String alt, Table table,
                        List<Source> sources) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    /** The media query of phone-width screens, where the narrow variant is shown. */
    public static final String NARROW = "(max-width: 40rem)";
    /** The media query of a dark colour scheme. */
    public static final String DARK = "(prefers-color-scheme: dark)";

    /** The chart's figures: caption, header cells and rows. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
        @Override
        public String toString() {
            return io.tickerpress.model.RecordText.of(this);
        }
    }

    /** One variant: the media it is for, its srcset, and its size in CSS pixels. */
    public record Source(String media, String srcset, int width, int height) {
        @Override
        public String toString() {
            return io.tickerpress.model.RecordText.of(this);
        }
    }
}
