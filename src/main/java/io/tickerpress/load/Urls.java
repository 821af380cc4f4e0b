package io.tickerpress.load;

import java.util.Locale;

/** Which link targets content may use. */
public final class Urls {
    private Urls() {
    }

    /** http(s), mailto, site-relative and fragment links are safe; script and data schemes are not. */
    public static boolean isSafeLink(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) return false;
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && u.substring(0, colon).matches("[a-z][a-z0-9+.-]*");
        if (!hasScheme) {
            return true; // relative or fragment link
        }
        return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:");
    }
}
