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
     * What makes {@code url} (an {@link #isAbsoluteHttp} base URL) one that no page may link with ("holds ..."),
     * or empty: a character that a URL may not hold (a quote, {@code <}, {@code >}, a backslash, {@code ^}, a
     * backtick, braces, {@code |}, a control character) or a {@code %} that starts no escape. Every link of the site starts
     * with the base URL, so each page would carry an invalid {@code href}.
     */
    public static java.util.Optional<String> baseUrlProblem(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return java.util.Optional.of("holds " + (c < 0x20 || c == 0x7f
                        ? String.format(Locale.ROOT, "the control character U+%04X", (int) c) : "'" + c + "'")
                        + ", which a URL may not hold: write it percent-encoded, as "
                        + String.format(Locale.ROOT, "%%%02X", (int) c));
            }
            if (c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
                return java.util.Optional.of("holds a '%' that is not followed by two hexadecimal"
                        + " digits: write a percent sign as %25");
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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
