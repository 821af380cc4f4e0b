package io.tickerpress.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default theme's colour pairs pass WCAG 2 AA (4.5:1 for text) in both the light and the dark scheme. */
class ContrastTest {
    private static final Pattern VAR = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})");

    static Map<String, String> palette(String block) {
        Map<String, String> vars = new HashMap<>();
        Matcher m = VAR.matcher(block);
        while (m.find()) vars.put(m.group(1), m.group(2));
        return vars;
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void textColoursPassAaInLightAndDarkSchemes() throws Exception {
        String css = Files.readString(Path.of("templates/static/style.css"));
        String rootBlock = css.substring(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
        int dark = css.indexOf("@media (prefers-color-scheme: dark)");
        String darkBlock = css.substring(dark, css.indexOf("}\n}", dark));
        Map<String, String> light = palette(rootBlock);
        Map<String, String> darkVars = new HashMap<>(light);
        darkVars.putAll(palette(darkBlock));
        for (Map<String, String> p : java.util.List.of(light, darkVars)) {
            for (String fg : new String[] {"fg", "muted", "accent", "up", "down"}) {
                for (String bg : new String[] {"bg", "panel"}) {
                    double r = ratio(p.get(fg), p.get(bg));
                    assertTrue(r >= 4.5, fg + " " + p.get(fg) + " on " + bg + " " + p.get(bg) + ": " + r);
                }
            }
            assertTrue(ratio(p.get("masthead-fg"), p.get("masthead-bg")) >= 4.5);
        }
    }
}
