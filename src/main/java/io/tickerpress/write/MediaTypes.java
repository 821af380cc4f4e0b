package io.tickerpress.write;

import java.util.Locale;
import java.util.Map;

/**
 * The media type of each kind of file a build writes (pages, feeds, sitemaps, charts, theme files), by file name
 * extension. One table for everything that serves or uploads the output: the preview server and deploy.
 */
public final class MediaTypes {
    public static final String FALLBACK = "application/octet-stream";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("map", "application/json"), Map.entry("wasm", "application/wasm"));

    private MediaTypes() {
    }

    /** The type for a file name such as {@code atom.xml}; {@value #FALLBACK} for unknown extensions. */
    public static String of(String fileName) {
        int slash = fileName.lastIndexOf('/');
        String name = fileName.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, FALLBACK);
    }
}
