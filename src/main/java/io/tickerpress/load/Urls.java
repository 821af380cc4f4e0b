package io.tickerpress.load;

import java.util.Locale;
import java.util.Set;

/** Which link targets content may use. */
public final class Urls {
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private Urls() {
    }

    /** An absolute http(s) URL with a host, as site.yaml's baseUrl and --base-url must be. */
    public static boolean isAbsoluteHttp(String url) {
        return url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?");
    }

    /**
     * http(s), mailto and tel links and relative links are safe; every other scheme (javascript:, data:,
     * vbscript:, file: ...) is not. Browsers ignore tabs, newlines and control characters inside a URL, so they
     * are ignored here too ("java&#9;script:" is javascript:).
     */
    public static boolean isSafeLink(String url) {
        String u = url.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        if (u.isEmpty()) return false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '/' || c == '?' || c == '#') return true; // relative: no scheme before the path
            if (c == ':') return SAFE_SCHEMES.contains(u.substring(0, i));
        }
        return true;
    }
}
