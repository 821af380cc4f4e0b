package io.tickerpress.render.view;

import java.util.List;

/**
 * A rendered chart: {@code src} (PNG at 1x, or SVG), {@code srcset} (with the 2x PNG; null for SVG), the
 * size in CSS pixels, a caption {@code title}, {@code alt} text made from the data, and the data
 * {@code table} (null for sparklines, whose figures stand beside them).
 */
public record ChartView(String src, String srcset, int width, int height, String title, String alt, Table table) {
    /** The chart's figures: caption, header cells and rows. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
    }
}
