package io.tickerpress.render;

import io.tickerpress.model.ChartSpec;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.render.view.ChartView;

import java.time.LocalDate;

/**
 * Chart sizes on pages, in CSS pixels (PNGs also get a 2x version): the width of the theme's content column
 * (760 px beside the sidebar, 48rem without it), and a narrow variant for phones (360 px) whose text keeps
 * its size instead of shrinking with the image.
 */
public final class PageCharts {
    public static final int WIDTH = 760;
    public static final int NARROW_WIDTH = 360;

    private PageCharts() {
    }

    public static int height(ChartSpec spec) {
        return switch (spec.type()) {
            case CANDLESTICK -> 400;
            case SECTORS -> 360;
            case SPARKLINE -> 32;
            default -> 360;
        };
    }

    public static int narrowHeight(ChartSpec spec) {
        return switch (spec.type()) {
            case CANDLESTICK -> 300;
            case SECTORS -> 340;
            case SPARKLINE -> 32;
            default -> 240;
        };
    }

    /** A page chart, wide and narrow. */
    public static ChartView request(Charts charts, ChartSpec spec, LocalDate asOf) {
        return charts.request(spec, asOf, WIDTH, height(spec), NARROW_WIDTH, narrowHeight(spec));
    }

    /** A page chart, or null when the data cannot make it. */
    public static ChartView optional(Charts charts, ChartSpec spec, LocalDate asOf) {
        try {
            return request(charts, spec, asOf);
        } catch (Charts.ChartException e) {
            return null;
        }
    }
}
