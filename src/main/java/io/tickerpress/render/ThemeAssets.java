package io.tickerpress.render;

import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's static files ({@code static/} beside the templates): the site's own first, then the default
 * theme's from the jar. Returned as site-relative path → bytes, under {@code assets/}.
 */
public final class ThemeAssets {
    private ThemeAssets() {
    }

    /** The default theme's static files, then the site's own ({@link Theme#userFiles}: as the build read them). */
    public static Map<String, byte[]> collect(Theme theme) {
        Map<String, byte[]> assets = new TreeMap<>();
        ThemeFiles.defaults("static").forEach((rel, bytes) -> assets.put("assets/" + rel, bytes));
        theme.userFiles().forEach((rel, bytes) -> {
            if (rel.startsWith("static/")) assets.put("assets/" + rel.substring("static/".length()), bytes);
        });
        return assets;
    }
}
