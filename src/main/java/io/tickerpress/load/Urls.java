package io.tickerpress.load;

import java.util.Locale;
import java.util.Set;

/** Which link targets content may use. */
public final class Urls {
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    // Compiled once: links are checked and encoded on every page that shows them.
    private static final java.util.regex.Pattern ABSOLUTE_HTTP =
            java.util.regex.Pattern.compile("https?://[^\\s/?#]+(/[^\\s?#]*)?");
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final java.util.regex.Pattern SPACE_OR_CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x20\\x7f]");

    private Urls() {
    }

    /** An absolute http(s) URL with a host, as site.yaml's baseUrl and --base-url must be. */
    public static boolean isAbsoluteHttp(String url) {
        return ABSOLUTE_HTTP.matcher(url).matches();
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

    /**
     * {@code url} as a valid URL: each character a URL may not hold (a space, a control character, a quote,
     * {@code <}, {@code >}, a backslash, {@code ^}, a backtick, braces, {@code |}, and every character beyond ASCII,
     * as its UTF-8 bytes) percent-encoded, and a {@code %} that starts no escape as {@code %25}; an escape already
     * there ({@code %20}) is left as it is, so encoding twice changes nothing. Whether the link is safe is
     * {@link #isSafeLink}'s question, asked before.
     */
    public static String encode(String url) {
        int hostEnd = hostEnd(url);
        int fragment = url.indexOf('#');
        int i = 0;
        while (i < url.length() && allowed(url, i, hostEnd, fragment)) i++;
        if (i == url.length()) return url;
        StringBuilder b = new StringBuilder(url.length() + 16).append(url, 0, i);
        while (i < url.length()) {
            if (allowed(url, i, hostEnd, fragment)) {
                b.append(url.charAt(i++));
                continue;
            }
            int cp = url.codePointAt(i);
            int n = Character.charCount(cp);
            if (n == 1 && Character.isSurrogate((char) cp)) cp = 0xFFFD; // a lone half of a pair
            // UTF-8 (RFC 3629): 1 byte to U+007F, 2 to U+07FF, 3 to U+FFFF, else 4.
            if (cp < 0x80) {
                percent(b, cp);
            } else if (cp < 0x800) {
                percent(b, 0xC0 | cp >> 6);
                percent(b, 0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                percent(b, 0xE0 | cp >> 12);
                percent(b, 0x80 | cp >> 6 & 0x3F);
                percent(b, 0x80 | cp & 0x3F);
            } else {
                percent(b, 0xF0 | cp >> 18);
                percent(b, 0x80 | cp >> 12 & 0x3F);
                percent(b, 0x80 | cp >> 6 & 0x3F);
                percent(b, 0x80 | cp & 0x3F);
            }
            i += n;
        }
        return b.toString();
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** A byte as {@code %XX}, upper-case hexadecimal (RFC 3986 2.1). */
    private static void percent(StringBuilder b, int value) {
        b.append('%').append(HEX_DIGITS[value >> 4 & 0xF]).append(HEX_DIGITS[value & 0xF]);
    }

    /** Where the authority of {@code scheme://host/...} ends (brackets are allowed before: an IPv6 host); else 0. */
    private static int hostEnd(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0 || !SCHEME.matcher(url.substring(0, scheme)).matches()) return 0;
        int end = scheme + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
        return end;
    }

    private static boolean allowed(String url, int i, int hostEnd, int fragment) {
        char c = url.charAt(i);
        if (c == '%') return i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2));
        if (c == '[' || c == ']') return i < hostEnd;
        if (c == '#') return i == fragment; // the fragment's own '#' is a character a fragment may not hold
        return c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
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
        String u = SPACE_OR_CONTROL.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
        if (u.isEmpty()) return false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '/' || c == '?' || c == '#') return true; // relative: no scheme before the path
            if (c == ':') return SAFE_SCHEMES.contains(u.substring(0, i));
        }
        return true;
    }
}
