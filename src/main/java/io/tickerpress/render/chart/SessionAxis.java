package io.tickerpress.render.chart;

import io.tickerpress.render.Formats;
import io.tickerpress.render.chart.ChartTheme.Palette;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * A trading-day time axis: session {@code i} sits at x = i, so weekends and holidays take no room. Ticks mark
 * the first session of a week, month, quarter or year, whichever is the finest whose labels fit side by side
 * at the drawn width; a label that would touch its neighbour is left out.
 */
final class SessionAxis extends NumberAxis {
    private static final int GAP = 14;
    private final List<LocalDate> sessions;
    private final DateTimeFormatter day;
    private final DateTimeFormatter month;
    private final DateTimeFormatter monthYear;
    private final DateTimeFormatter year;

    /**
     * @param sessions the sessions shown, oldest first
     * @param bars     true for bars and candles (half a session of room each side), false for lines
     */
    SessionAxis(List<LocalDate> sessions, Formats formats, Palette p, boolean bars) {
        this.sessions = List.copyOf(sessions);
        this.day = formats.formatter("MMM d");
        this.month = formats.formatter("MMM");
        this.monthYear = formats.formatter("MMM yyyy");
        this.year = formats.formatter("yyyy");
        setTickLabelFont(ChartTheme.regular(11));
        setTickLabelPaint(p.muted());
        setAxisLinePaint(p.grid());
        setTickMarkPaint(p.grid());
        setAutoRange(false);
        double pad = bars ? 0.5 : 0.2;
        setRange(-pad, Math.max(sessions.size() - 1, 1) + pad);
    }

    /** The levels of tick marks, finest first. */
    enum Level { WEEK, MONTH, QUARTER, YEAR }

    /** The sessions that start a new period of {@code level} (the first session shown is not one). */
    List<Integer> starts(Level level) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < sessions.size(); i++) {
            LocalDate a = sessions.get(i - 1);
            LocalDate b = sessions.get(i);
            boolean starts = switch (level) {
                case WEEK -> b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                        || !b.minusDays(7).isBefore(a);
                case MONTH -> b.getMonthValue() != a.getMonthValue() || b.getYear() != a.getYear();
                case QUARTER -> b.get(IsoFields.QUARTER_OF_YEAR) != a.get(IsoFields.QUARTER_OF_YEAR) || b.getYear() != a.getYear();
                case YEAR -> b.getYear() != a.getYear();
            };
            if (starts) out.add(i);
        }
        return out;
    }

    String label(Level level, int i) {
        LocalDate d = sessions.get(i);
        return switch (level) {
            case WEEK -> day.format(d);
            case MONTH, QUARTER -> d.getMonthValue() == 1 ? monthYear.format(d) : month.format(d);
            case YEAR -> year.format(d);
        };
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = new ArrayList();
        if (sessions.size() < 2) return ticks;
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        double perSession = dataArea.getWidth() / getRange().getLength();
        for (Level level : Level.values()) {
            List<Integer> starts = starts(level);
            if (starts.isEmpty()) continue;
            int widest = 0;
            for (int i : starts) widest = Math.max(widest, metrics.stringWidth(label(level, i)));
            double spacing = sessions.size() / (double) (starts.size() + 1) * perSession;
            if (spacing < widest + GAP && level != Level.YEAR) continue;
            double lastRight = Double.NEGATIVE_INFINITY;
            for (int i : starts) {
                String text = label(level, i);
                double centre = i * perSession;
                double half = metrics.stringWidth(text) / 2.0;
                if (centre - half < lastRight + GAP) continue;
                ticks.add(new NumberTick(TickType.MAJOR, i, text, TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
                lastRight = centre + half;
            }
            return ticks;
        }
        return ticks;
    }
}
