package io.tickerpress.render.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The look of every chart: the fonts shipped inside TickerPress (DejaVu Sans, so that output does not depend
 * on the machine's fonts) and colours matching the default theme. Change {@link #VERSION} when the look
 * changes, so that cached charts are rendered again.
 */
public final class ChartTheme {
    // theme-3: price axes label their major ticks only (theme-2 charts wrote a label at every minor tick). The
    // version is part of every chart's file name, which deploy serves as immutable: a chart whose pixels change
    // must change its name, or browsers and CDNs keep the old image for a year.
    public static final String VERSION = "theme-3";
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color TEXT = new Color(0x1a1a1a);
    public static final Color MUTED = new Color(0x555555);
    public static final Color GRID = new Color(0xdedede);
    public static final Color UP = new Color(0x0a6b2d);
    public static final Color DOWN = new Color(0xb3261e);
    public static final Color VOLUME = new Color(0x8fa3b8);
    /** Series colours, distinguishable for common colour-vision deficiencies. */
    public static final Color[] SERIES = {new Color(0x0b4f8a), new Color(0xd97706), new Color(0x6b21a8),
            new Color(0x0f766e), new Color(0xbe185d), new Color(0x4d4d4d)};

    /** The light palette, matching the theme's light colours. */
    public static final Palette LIGHT = new Palette("light", BACKGROUND, TEXT, MUTED, GRID, UP, DOWN, VOLUME, SERIES);
    /**
     * The dark palette, matching the theme's dark colours (page background #121417): every colour keeps at
     * least 4.5:1 contrast with the background, like the page's own text.
     */
    public static final Palette DARK = new Palette("dark", new Color(0x121417), new Color(0xe8e8e8),
            new Color(0xb0b4ba), new Color(0x33383f), new Color(0x5fd68a), new Color(0xff8a80), new Color(0x4f6478),
            new Color[] {new Color(0x8cc4ff), new Color(0xfbbf24), new Color(0xd8b4fe), new Color(0x5eead4),
                    new Color(0xf9a8d4), new Color(0xd4d4d4)});

    /** The colours of one chart variant. */
    public record Palette(String name, Color background, Color text, Color muted, Color grid, Color up, Color down,
                          Color volume, Color[] series) {
        public Color series(int i) {
            return series[i % series.length];
        }
    }

    private static final Font REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final Font BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private ChartTheme() {
    }

    public static Font regular(float size) {
        return REGULAR.deriveFont(Font.PLAIN, size);
    }

    public static Font bold(float size) {
        return BOLD.deriveFont(Font.PLAIN, size);
    }

    private static Font load(String resource) {
        try (InputStream in = ChartTheme.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font missing from the jar: " + resource);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
