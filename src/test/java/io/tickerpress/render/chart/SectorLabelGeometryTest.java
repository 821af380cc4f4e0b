package io.tickerpress.render.chart;

import io.tickerpress.derive.ChartData;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.SectorMove;
import io.tickerpress.render.Formats;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sector chart's value labels, read back from the drawing itself (the SVG JFreeChart draws: each bar's
 * rectangle and each label's text position, measured with the chart font): every label sits beside its own
 * bar (right of a gain, left of a loss), inside the image, overlapping no bar and no other text.
 */
class SectorLabelGeometryTest {
    private static final Pattern FILL = Pattern.compile("fill:rgb\\((\\d+),(\\d+),(\\d+)\\)");

    /** The sample's Jan 20 sectors, with its small loss (-0.14%) and a large one, at both drawn widths. */
    @ParameterizedTest
    @ValueSource(ints = {760, 360})
    void labelsSitBesideTheirOwnBars(int width) {
        List<SectorMove> sectors = List.of(new SectorMove("Financials", 1.13, null), new SectorMove("Energy", 0.77, null),
                new SectorMove("Utilities", 0.73, null), new SectorMove("Consumer Discretionary", -0.14, null),
                new SectorMove("Industrials", -0.20, null), new SectorMove("Communication Services", 0.56, null),
                new SectorMove("Health Care", 0.31, null), new SectorMove("Real Estate", -2.40, null));
        ChartData data = new ChartData(new ChartSpec(ChartSpec.Type.SECTORS, List.of(), "1M", ""),
                LocalDate.of(2026, 1, 20), List.of(), sectors);
        int height = 340;
        for (ChartTheme.Palette palette : List.of(ChartTheme.LIGHT, ChartTheme.DARK)) {
            Document svg = Jsoup.parse(new String(ChartEncoder.svg(ChartDrawer.draw(data, Formats.defaults(), palette,
                    width), width, height), StandardCharsets.UTF_8), "", Parser.xmlParser());
            FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                    .getFontMetrics(ChartTheme.regular(11));
            List<Rectangle2D> bars = new ArrayList<>();
            List<Boolean> gains = new ArrayList<>();
            for (Element rect : svg.select("rect")) {
                Matcher m = FILL.matcher(rect.attr("style"));
                if (!m.find()) continue;
                int rgb = (Integer.parseInt(m.group(1)) << 16) | (Integer.parseInt(m.group(2)) << 8) | Integer.parseInt(m.group(3));
                boolean up = rgb == (palette.up().getRGB() & 0xffffff);
                boolean down = rgb == (palette.down().getRGB() & 0xffffff);
                if (!up && !down) continue;
                bars.add(new Rectangle2D.Double(d(rect, "x"), d(rect, "y"), d(rect, "width"), d(rect, "height")));
                gains.add(up);
            }
            assertEquals(sectors.size(), bars.size(), "one bar per sector");
            List<Rectangle2D> values = new ArrayList<>();
            List<Rectangle2D> others = new ArrayList<>();
            for (Element text : svg.select("text")) {
                String s = text.text().strip();
                double x = d(text, "x");
                double y = d(text, "y");
                Rectangle2D box = new Rectangle2D.Double(x, y - metrics.getAscent(), metrics.stringWidth(s),
                        metrics.getAscent() + metrics.getDescent());
                // Value labels are the signed percentages drawn inside the plot (axis ticks sit below it).
                boolean value = s.matches("[+-]\\d+\\.\\d\\d%") && y < bars.stream().mapToDouble(Rectangle2D::getMaxY).max().orElse(0);
                (value ? values : others).add(box);
            }
            assertEquals(bars.size(), values.size(), "one value label per bar");
            for (int i = 0; i < bars.size(); i++) {
                Rectangle2D bar = bars.get(i);
                // The label whose middle is at the bar's middle height is the bar's own.
                Rectangle2D label = values.stream().filter(v -> v.getCenterY() > bar.getMinY() && v.getCenterY() < bar.getMaxY())
                        .findFirst().orElseThrow(() -> new AssertionError("no label level with bar " + bar));
                String where = palette.name() + " " + width + " px, bar " + bar + ", label " + label;
                if (gains.get(i)) {
                    assertTrue(label.getMinX() >= bar.getMaxX(), "a gain's label right of its bar: " + where);
                } else {
                    assertTrue(label.getMaxX() <= bar.getMinX(), "a loss's label left of its bar: " + where);
                }
                assertTrue(label.getMinX() >= 0 && label.getMaxX() <= width, "label inside the image: " + where);
                for (Rectangle2D other : bars) assertFalse(label.intersects(other), "label over a bar: " + where + " / " + other);
                for (Rectangle2D other : values) {
                    if (other != label) assertFalse(label.intersects(other), "labels overlap: " + where + " / " + other);
                }
                for (Rectangle2D other : others) assertFalse(label.intersects(other), "label over other text: " + where + " / " + other);
            }
        }
    }

    private static double d(Element e, String attr) {
        return Double.parseDouble(e.attr(attr));
    }
}
