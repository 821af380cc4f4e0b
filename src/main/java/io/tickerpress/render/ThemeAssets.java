package io.tickerpress.render;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's static files ({@code static/} beside the templates): the site's own first, then the default
 * theme's from the jar. Returned as site-relative path → bytes, under {@code assets/}.
 */
public final class ThemeAssets {
    private ThemeAssets() {
    }

    public static Map<String, byte[]> collect(Path userTemplates) {
        Map<String, byte[]> assets = new TreeMap<>();
        ThemeFiles.defaults("static").forEach((rel, bytes) -> assets.put("assets/" + rel, bytes));
        if (userTemplates != null) {
            ThemeFiles.tree(userTemplates.resolve("static"), userTemplates).forEach((rel, bytes) -> assets.put("assets/" + rel, bytes));
        }
        return assets;
    }
}
