package io.tickerpress.render.chart;

import io.tickerpress.derive.ChartData;
import io.tickerpress.model.Bar;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.render.Formats;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One decimal rule per axis: the price rule gives 4 decimals below 1 and 2 from 1 up, so an axis whose ticks
 * cross 1 writes every tick with 4 (0.9600, 1.0000), never 0.9600 beside 1.00. Read from the SVG as drawn.
 */
class AxisDecimalsTest {
    private static List<String> axisLabels(ChartSpec.Type type, double from, double to) {
        List<Bar> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < 10; i++) {
            double close = from + (to - from) * i / 9;
            bars.add(new Bar(day.plusDays(i), close, close * 1.01, close * 0.99, close, 1_000L, "test"));
        }
        ChartData data = new ChartData(new ChartSpec(type, List.of("PNY"), "1M", ""), day.plusDays(9),
                List.of(new ChartData.Slice("PNY", "Penny Co", bars)), List.of());
        String svg = new String(ChartEncoder.svg(ChartDrawer.draw(data, Formats.defaults()), 640, 360), StandardCharsets.UTF_8);
        List<String> labels = new ArrayList<>();
        for (var text : Jsoup.parse(svg, "", Parser.xmlParser()).select("text")) {
            if (text.text().matches("[0-9,]+\\.[0-9]+")) labels.add(text.text());
        }
        return labels;
    }

    private static void assertOneRule(List<String> labels, int decimals) {
        assertFalse(labels.size() < 3, "ticks found: " + labels);
        for (String l : labels) assertEquals(decimals, l.length() - l.indexOf('.') - 1, labels.toString());
    }

    @Test
    void aPriceAxisCrossingOneHasFourDecimalsOnEveryTick() {
        List<String> labels = axisLabels(ChartSpec.Type.PRICE, 0.95, 1.06);
        assertOneRule(labels, 4);
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("0.")) && labels.stream().anyMatch(l -> l.startsWith("1.")),
                "the axis crosses 1: " + labels);
    }

    @Test
    void aCandlestickAxisCrossingOneHasFourDecimalsOnEveryTick() {
        assertOneRule(axisLabels(ChartSpec.Type.CANDLESTICK, 0.95, 1.06), 4);
    }

    @Test
    void onlyTheMajorTicksAreLabelled() {
        // JFreeChart draws minor ticks between the major ones without labels; labelling them too wrote about fifty
        // overlapping prices down the axis of every chart (MU, 272.39 to 362.75, a 360-pixel-high chart). A
        // readable axis has a label every gridline: one per 10 or 20 here, a dozen at most, each once.
        for (ChartSpec.Type type : List.of(ChartSpec.Type.PRICE, ChartSpec.Type.CANDLESTICK)) {
            List<String> labels = axisLabels(type, 272.39, 362.75);
            assertTrue(labels.size() >= 3 && labels.size() <= 12, type + ": " + labels);
            assertEquals(labels.size(), new java.util.HashSet<>(labels).size(), type + ": " + labels);
            for (String l : labels) {
                double v = Double.parseDouble(l.replace(",", ""));
                assertEquals(0, v % 5, 1e-9, type + ": a round step between major ticks: " + labels);
            }
        }
    }

    @Test
    void anAxisAboveOneKeepsTwo() {
        assertOneRule(axisLabels(ChartSpec.Type.PRICE, 101, 112), 2);
    }
}
