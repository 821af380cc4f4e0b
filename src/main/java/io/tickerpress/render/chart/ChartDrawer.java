package io.tickerpress.render.chart;

import io.tickerpress.derive.ChartData;
import io.tickerpress.model.Bar;
import io.tickerpress.model.SectorMove;
import io.tickerpress.render.Formats;
import io.tickerpress.render.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
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
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.DefaultHighLowDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/** Builds JFreeChart charts from chart data, in the theme's look. Dates are plotted as UTC days. */
public final class ChartDrawer {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private ChartDrawer() {
    }

    /** Draws a chart; every number and date on it is written by {@link Numbers} and {@link Formats}. */
    public static JFreeChart draw(ChartData data, Formats formats) {
        return switch (data.spec().type()) {
            case PRICE -> lines(data, false, formats);
            case COMPARE -> lines(data, true, formats);
            case SECTORS -> sectors(data);
            case CANDLESTICK -> candlestick(data, formats);
            case SPARKLINE -> sparkline(data);
        };
    }

    private static JFreeChart lines(ChartData data, boolean rebased, Formats formats) {
        TimeSeriesCollection dataset = new TimeSeriesCollection(UTC);
        for (ChartData.Slice slice : data.slices()) {
            TimeSeries ts = new TimeSeries(rebased ? slice.name() + " (" + slice.symbol() + ")" : slice.symbol());
            double base = slice.bars().get(0).close();
            for (Bar b : slice.bars()) {
                ts.add(day(b.date()), rebased ? b.close() / base * 100.0 : b.close());
            }
            dataset.addSeries(ts);
        }
        DateAxis x = dateAxis(data, formats);
        NumberAxis y = numberAxis(rebased ? "Rebased to 100" : null);
        y.setNumberFormatOverride(Numbers.asFormat(Numbers::price));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.slices().size(); i++) {
            renderer.setSeriesPaint(i, ChartTheme.SERIES[i % ChartTheme.SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1f, i == 0 ? null : dash(i), 0f));
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        style(plot);
        JFreeChart chart = new JFreeChart(null, ChartTheme.regular(12), plot, rebased);
        finish(chart, data.spec().title());
        return chart;
    }

    /** Series after the first are dashed, so lines differ by more than colour. */
    private static float[] dash(int i) {
        return i % 2 == 1 ? new float[] {8f, 4f} : new float[] {2f, 3f};
    }

    private static JFreeChart candlestick(ChartData data, Formats formats) {
        ChartData.Slice slice = data.slices().get(0);
        int n = slice.bars().size();
        Date[] dates = new Date[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        TimeSeries volumes = new TimeSeries("Volume");
        for (int i = 0; i < n; i++) {
            Bar b = slice.bars().get(i);
            dates[i] = Date.from(b.date().atStartOfDay(ZoneOffset.UTC).toInstant());
            close[i] = b.close();
            open[i] = b.open() == null ? b.close() : b.open();
            high[i] = b.high() == null ? Math.max(open[i], close[i]) : b.high();
            low[i] = b.low() == null ? Math.min(open[i], close[i]) : b.low();
            volume[i] = b.volume() == null ? 0 : b.volume();
            volumes.add(day(b.date()), volume[i]);
        }
        DefaultHighLowDataset ohlc = new DefaultHighLowDataset(slice.symbol(), dates, high, low, open, close, volume);
        CandlestickRenderer candles = new CandlestickRenderer();
        candles.setUpPaint(ChartTheme.UP);
        candles.setDownPaint(ChartTheme.DOWN);
        candles.setUseOutlinePaint(false);
        candles.setDrawVolume(false);
        candles.setDefaultSeriesVisibleInLegend(false);
        candles.setAutoWidthMethod(CandlestickRenderer.WIDTHMETHOD_SMALLEST);
        candles.setSeriesPaint(0, ChartTheme.TEXT);
        NumberAxis priceAxis = numberAxis("Price");
        priceAxis.setAutoRangeIncludesZero(false);
        priceAxis.setNumberFormatOverride(Numbers.asFormat(Numbers::price));
        XYPlot prices = new XYPlot(ohlc, null, priceAxis, candles);
        style(prices);

        XYBarRenderer bars = new XYBarRenderer(0.2);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartTheme.VOLUME);
        NumberAxis volumeAxis = numberAxis("Volume");
        volumeAxis.setNumberFormatOverride(Numbers.asFormat(Numbers::compactVolume));
        XYPlot volumePlot = new XYPlot(new TimeSeriesCollection(volumes, UTC), null, volumeAxis, bars);
        style(volumePlot);

        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(dateAxis(data, formats));
        combined.setGap(6);
        combined.add(prices, 3);
        combined.add(volumePlot, 1);
        combined.setBackgroundPaint(ChartTheme.BACKGROUND);
        combined.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, ChartTheme.regular(12), combined, false);
        finish(chart, data.spec().title());
        return chart;
    }

    private static JFreeChart sectors(ChartData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<SectorMove> sorted = data.sectors().stream().filter(s -> s.changePct() != null)
                .sorted((a, b) -> Double.compare(b.changePct(), a.changePct())).toList();
        for (SectorMove s : sorted) {
            dataset.addValue(s.changePct(), "Change", s.name());
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Number v = dataset.getValue(row, column);
                // Coloured by the figure as labelled: -0.004 reads 0.00% and is not drawn as a loss.
                return v != null && Numbers.direction(v.doubleValue()).equals("down") ? ChartTheme.DOWN : ChartTheme.UP;
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
        renderer.setDefaultItemLabelPaint(ChartTheme.TEXT);
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(ChartTheme.regular(11));
        categories.setTickLabelPaint(ChartTheme.TEXT);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(0.25);
        NumberAxis values = numberAxis("% change");
        values.setNumberFormatOverride(Numbers.asFormat(Numbers::pct));
        values.setUpperMargin(0.2);
        values.setLowerMargin(0.2);
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(ChartTheme.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartTheme.GRID);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(ChartTheme.MUTED);
        JFreeChart chart = new JFreeChart(null, ChartTheme.regular(12), plot, false);
        finish(chart, data.spec().title());
        return chart;
    }

    private static JFreeChart sparkline(ChartData data) {
        ChartData.Slice slice = data.slices().get(0);
        TimeSeries ts = new TimeSeries(slice.symbol());
        for (Bar b : slice.bars()) ts.add(day(b.date()), b.close());
        DateAxis x = new DateAxis();
        x.setTimeZone(UTC);
        x.setVisible(false);
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        NumberAxis y = new NumberAxis();
        y.setAutoRangeIncludesZero(false);
        y.setVisible(false);
        y.setNumberFormatOverride(Numbers.asFormat(Numbers::price));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        double first = slice.bars().get(0).close();
        double last = slice.bars().get(slice.bars().size() - 1).close();
        renderer.setSeriesPaint(0, last >= first ? ChartTheme.UP : ChartTheme.DOWN);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        XYPlot plot = new XYPlot(new TimeSeriesCollection(ts, UTC), x, y, renderer);
        plot.setBackgroundPaint(ChartTheme.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, ChartTheme.regular(10), plot, false);
        chart.setBackgroundPaint(ChartTheme.BACKGROUND);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        chart.setBorderVisible(false);
        return chart;
    }

    private static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** The sector bars' labels: signed percentages, as in the sector table. */
    static java.text.NumberFormat sectorLabels() {
        return Numbers.asFormat(Numbers::pct);
    }

    private static DateAxis dateAxis(ChartData data, Formats formats) {
        DateAxis axis = new DateAxis();
        axis.setTimeZone(UTC);
        axis.setLocale(Locale.ROOT);
        LocalDate first = data.slices().get(0).bars().get(0).date();
        long days = ChronoUnit.DAYS.between(first, data.end());
        String pattern = days <= 200 ? "MMM d" : days <= 800 ? "MMM yyyy" : "yyyy";
        axis.setDateFormatOverride(new AxisDates(formats.formatter(pattern)));
        axis.setTickLabelFont(ChartTheme.regular(11));
        axis.setTickLabelPaint(ChartTheme.MUTED);
        axis.setAxisLinePaint(ChartTheme.GRID);
        axis.setTickMarkPaint(ChartTheme.GRID);
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        return axis;
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(ChartTheme.regular(11));
        axis.setLabelPaint(ChartTheme.MUTED);
        axis.setTickLabelFont(ChartTheme.regular(11));
        axis.setTickLabelPaint(ChartTheme.MUTED);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        return axis;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(ChartTheme.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(ChartTheme.GRID);
        plot.setRangeGridlinePaint(ChartTheme.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
    }

    private static void finish(JFreeChart chart, String title) {
        chart.setBackgroundPaint(ChartTheme.BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 6));
        if (title != null && !title.isEmpty()) {
            TextTitle t = new TextTitle(title, ChartTheme.bold(14));
            t.setPaint(ChartTheme.TEXT);
            t.setPosition(RectangleEdge.TOP);
            chart.setTitle(t);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(ChartTheme.regular(11));
            legend.setItemPaint(ChartTheme.TEXT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(ChartTheme.BACKGROUND);
            legend.setPosition(RectangleEdge.TOP);
        }
    }

    /** Axis dates through java.time (ASCII digits, words in the site's language), as JFreeChart wants a DateFormat. */
    static final class AxisDates extends DateFormat {
        private final transient DateTimeFormatter formatter;

        AxisDates(DateTimeFormatter formatter) {
            this.formatter = formatter;
            // DateFormat's own clone(), equals() and hashCode() read these two fields.
            this.calendar = Calendar.getInstance(UTC, Locale.ROOT);
            this.numberFormat = Numbers.asFormat(Numbers::price);
        }

        @Override
        public StringBuffer format(Date date, StringBuffer toAppendTo, FieldPosition fieldPosition) {
            return toAppendTo.append(formatter.format(date.toInstant().atZone(ZoneOffset.UTC)));
        }

        @Override
        public Date parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("axis dates are only written");
        }
    }

    static Color color(int i) {
        return ChartTheme.SERIES[i % ChartTheme.SERIES.length];
    }
}
