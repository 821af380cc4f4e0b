package io.tickerpress.render;

import io.tickerpress.model.ChartSpec;

/** Chart sizes on pages, in CSS pixels (PNGs also get a 2x version). */
public final class PageCharts {
    public static final int WIDTH = 720;

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
}
