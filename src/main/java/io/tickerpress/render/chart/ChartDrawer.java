package io.tickerpress.render.chart;

import io.tickerpress.derive.ChartData;
import io.tickerpress.model.Bar;
import io.tickerpress.model.SectorMove;
import io.tickerpress.render.Formats;
import io.tickerpress.render.Numbers;
import io.tickerpress.render.chart.ChartTheme.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultHighLowDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds JFreeChart charts from chart data, in a palette (light or dark). Time runs along a trading-day axis:
 * one step per session, so weekends and holidays leave no gaps ({@link SessionAxis}).
 */
public final class ChartDrawer {
    private ChartDrawer() {
    }

    /** The light chart: every number and date on it is written by {@link Numbers} and {@link Formats}. */
    public static JFreeChart draw(ChartData data, Formats formats) {
        return draw(data, formats, ChartTheme.LIGHT);
    }

    public static JFreeChart draw(ChartData data, Formats formats, Palette p) {
        return draw(data, formats, p, 720);
    }

    /** A chart in a palette, for drawing {@code width} pixels wide (sector labels get room by pixels). */
    public static JFreeChart draw(ChartData data, Formats formats, Palette p, int width) {
        return switch (data.spec().type()) {
            case PRICE -> lines(data, false, formats, p);
            case COMPARE -> lines(data, true, formats, p);
            case SECTORS -> sectors(data, p, width);
            case CANDLESTICK -> candlestick(data, formats, p);
            case SPARKLINE -> sparkline(data, p);
        };
    }

    /** Every session any slice has, oldest first: the positions on the trading-day axis. */
    static List<LocalDate> sessions(ChartData data) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (ChartData.Slice s : data.slices()) for (Bar b : s.bars()) days.add(b.date());
        return new ArrayList<>(days);
    }

    private static JFreeChart lines(ChartData data, boolean rebased, Formats formats, Palette p) {
        List<LocalDate> sessions = sessions(data);
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (ChartData.Slice slice : data.slices()) {
            XYSeries series = new XYSeries(rebased ? slice.name() + " (" + slice.symbol() + ")" : slice.symbol(), false, false);
            double base = slice.bars().get(0).close();
            for (Bar b : slice.bars()) {
                series.add(sessions.indexOf(b.date()), rebased ? b.close() / base * 100.0 : b.close());
            }
            dataset.addSeries(series);
        }
        NumberAxis y = style(new PriceAxis(rebased ? "Rebased to 100" : null), p);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.slices().size(); i++) {
            renderer.setSeriesPaint(i, p.series(i));
            renderer.setSeriesStroke(i, new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1f, i == 0 ? null : dash(i), 0f));
        }
        XYPlot plot = new XYPlot(dataset, new SessionAxis(sessions, formats, p, false), y, renderer);
        style(plot, p);
        JFreeChart chart = new JFreeChart(null, ChartTheme.regular(12), plot, rebased);
        finish(chart, p);
        return chart;
    }

    /** Series after the first are dashed, so lines differ by more than colour. */
    private static float[] dash(int i) {
        return i % 2 == 1 ? new float[] {8f, 4f} : new float[] {2f, 3f};
    }

    private static boolean full(Bar b) {
        return b.open() != null && b.high() != null && b.low() != null;
    }

    /**
     * Candles for sessions with open, high, low and close; a sessions with a close only is a dot at its close
     * (a line when no session has more), never a flat dash. The volume pane is there only when volumes are.
     */
    private static JFreeChart candlestick(ChartData data, Formats formats, Palette p) {
        ChartData.Slice slice = data.slices().get(0);
        List<Bar> bars = slice.bars();
        int n = bars.size();
        List<Integer> fullDays = new ArrayList<>();
        XYSeries closesOnly = new XYSeries("Close", false, false);
        XYSeries volumes = new XYSeries("Volume", false, false);
        boolean anyFull = bars.stream().anyMatch(ChartDrawer::full);
        boolean anyVolume = bars.stream().anyMatch(b -> b.volume() != null && b.volume() > 0);
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            if (full(b)) fullDays.add(i);
            else closesOnly.add(i, b.close());
            if (b.volume() != null) volumes.add(i, b.volume());
        }
        NumberAxis priceAxis = style(new PriceAxis(null), p);
        XYPlot prices = new XYPlot();
        prices.setRangeAxis(priceAxis);
        style(prices, p);
        if (anyFull) {
            int m = fullDays.size();
            // The x value of each candle is its session number (as the "milliseconds" JFreeChart's OHLC data wants).
            Date[] x = new Date[m];
            double[] open = new double[m], high = new double[m], low = new double[m], close = new double[m],
                    volume = new double[m];
            for (int k = 0; k < m; k++) {
                Bar b = bars.get(fullDays.get(k));
                x[k] = new Date(fullDays.get(k));
                open[k] = b.open();
                high[k] = b.high();
                low[k] = b.low();
                close[k] = b.close();
                volume[k] = b.volume() == null ? 0 : b.volume();
            }
            CandlestickRenderer candles = new CandlestickRenderer();
            candles.setUpPaint(p.up());
            candles.setDownPaint(p.down());
            candles.setUseOutlinePaint(false);
            candles.setDrawVolume(false);
            candles.setDefaultSeriesVisibleInLegend(false);
            candles.setAutoWidthMethod(CandlestickRenderer.WIDTHMETHOD_SMALLEST);
            candles.setMaxCandleWidthInMilliseconds(0.7); // 70% of one session
            candles.setSeriesPaint(0, p.text());
            prices.setDataset(0, new DefaultHighLowDataset(slice.symbol(), x, high, low, open, close, volume));
            prices.setRenderer(0, candles);
        }
        if (!closesOnly.isEmpty()) {
            XYLineAndShapeRenderer closeRenderer = new XYLineAndShapeRenderer(!anyFull, anyFull);
            closeRenderer.setSeriesPaint(0, p.series(0));
            closeRenderer.setSeriesStroke(0, new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            closeRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            closeRenderer.setDefaultSeriesVisibleInLegend(false);
            prices.setDataset(1, new XYSeriesCollection(closesOnly));
            prices.setRenderer(1, closeRenderer);
        }
        SessionAxis x = new SessionAxis(bars.stream().map(Bar::date).toList(), formats, p, true);
        JFreeChart chart;
        if (anyVolume) {
            XYBarRenderer volumeBars = new XYBarRenderer(0.25);
            volumeBars.setBarPainter(new StandardXYBarPainter());
            volumeBars.setShadowVisible(false);
            volumeBars.setSeriesPaint(0, p.volume());
            NumberAxis volumeAxis = numberAxis("Volume", p);
            volumeAxis.setAutoRangeIncludesZero(true);
            volumeAxis.setNumberFormatOverride(Numbers.asFormat(Numbers::compactVolume));
            XYSeriesCollection volumeData = new XYSeriesCollection(volumes);
            volumeData.setIntervalWidth(1.0);
            XYPlot volumePlot = new XYPlot(volumeData, null, volumeAxis, volumeBars);
            style(volumePlot, p);
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
            combined.setGap(6);
            combined.add(prices, 3);
            combined.add(volumePlot, 1);
            combined.setBackgroundPaint(p.background());
            combined.setOutlineVisible(false);
            chart = new JFreeChart(null, ChartTheme.regular(12), combined, false);
        } else {
            prices.setDomainAxis(x);
            chart = new JFreeChart(null, ChartTheme.regular(12), prices, false);
        }
        finish(chart, p);
        return chart;
    }

    private static JFreeChart sectors(ChartData data, Palette p, int width) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<SectorMove> sorted = data.sectors().stream().filter(s -> s.changePct() != null)
                .sorted((a, b) -> Double.compare(b.changePct(), a.changePct())).toList();
        double min = 0;
        double max = 0;
        for (SectorMove s : sorted) {
            dataset.addValue(s.changePct(), "Change", s.name());
            min = Math.min(min, s.changePct());
            max = Math.max(max, s.changePct());
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Number v = dataset.getValue(row, column);
                // Coloured by the direction of the move (the sign of the unrounded figure), as the digest's table.
                return v != null && Numbers.direction(v.doubleValue()).equals("down") ? p.down() : p.up();
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.7);
        // The same rule as the sector table and the digest, from the same value: 1.125 is +1.13% in all three.
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", sectorLabels()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartTheme.regular(11));
        renderer.setDefaultItemLabelPaint(p.text());
        // Bars lie horizontally: a gain's label beside the bar's right end, a loss's beside its left end.
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        renderer.setItemLabelAnchorOffset(3);
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(ChartTheme.regular(11));
        categories.setTickLabelPaint(p.text());
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(0.25);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis values = numberAxis(null, p);
        values.setNumberFormatOverride(Numbers.asFormat(Numbers::pct));
        values.setAutoRangeIncludesZero(true);
        // Room for the labels beside the longest bar each way, worked out in pixels at the drawn width.
        java.awt.FontMetrics metrics = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics().getFontMetrics(ChartTheme.regular(11));
        int widestCategory = 0;
        int widestLabel = 0;
        for (SectorMove s : sorted) {
            widestCategory = Math.max(widestCategory, metrics.stringWidth(s.name()));
            widestLabel = Math.max(widestLabel, metrics.stringWidth(Numbers.pct(s.changePct())));
        }
        double plotPx = width - 12 - Math.min(widestCategory + 12, width * 0.45) - 8;
        double labelPx = widestLabel + 10;
        int sides = (min < 0 ? 1 : 0) + (max > 0 ? 1 : 0);
        double barShare = Math.max(0.3, 1 - sides * labelPx / plotPx);
        double span = Math.max(max - min, 0.01);
        double room = span / barShare * (1 - barShare) / Math.max(sides, 1);
        values.setAutoRange(false);
        values.setRange(min < 0 ? min - room : min - span * 0.02, max > 0 ? max + room : max + span * 0.02);
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(p.background());
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(p.grid());
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(p.muted());
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart(null, ChartTheme.regular(12), plot, false);
        finish(chart, p);
        return chart;
    }

    private static JFreeChart sparkline(ChartData data, Palette p) {
        ChartData.Slice slice = data.slices().get(0);
        XYSeries series = new XYSeries(slice.symbol(), false, false);
        for (int i = 0; i < slice.bars().size(); i++) series.add(i, slice.bars().get(i).close());
        NumberAxis x = new NumberAxis();
        x.setVisible(false);
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        NumberAxis y = new NumberAxis();
        y.setAutoRangeIncludesZero(false);
        y.setVisible(false);
        y.setNumberFormatOverride(Numbers.asFormat(Numbers::price));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        double first = slice.bars().get(0).close();
        double last = slice.bars().get(slice.bars().size() - 1).close();
        renderer.setSeriesPaint(0, last >= first ? p.up() : p.down());
        renderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, renderer);
        plot.setBackgroundPaint(p.background());
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, ChartTheme.regular(10), plot, false);
        chart.setBackgroundPaint(p.background());
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        chart.setBorderVisible(false);
        return chart;
    }

    /** The sector bars' labels: signed percentages, as in the sector table. */
    static java.text.NumberFormat sectorLabels() {
        return Numbers.asFormat(Numbers::pct);
    }

    private static NumberAxis numberAxis(String label, Palette p) {
        return style(new NumberAxis(label), p);
    }

    private static NumberAxis style(NumberAxis axis, Palette p) {
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(ChartTheme.regular(11));
        axis.setLabelPaint(p.muted());
        axis.setTickLabelFont(ChartTheme.regular(11));
        axis.setTickLabelPaint(p.muted());
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        return axis;
    }

    private static void style(XYPlot plot, Palette p) {
        plot.setBackgroundPaint(p.background());
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(p.grid());
        plot.setRangeGridlinePaint(p.grid());
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
    }

    /** Background, padding and legend; the title is the page's caption, not drawn in the image. */
    private static void finish(JFreeChart chart, Palette p) {
        chart.setBackgroundPaint(p.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 6));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(ChartTheme.regular(11));
            legend.setItemPaint(p.text());
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(p.background());
            legend.setPosition(RectangleEdge.TOP);
        }
    }
}
