package io.tickerpress.pipeline;

import io.tickerpress.diag.Diagnostics;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A build meant for publishing whose base URL points to this machine ({@code localhost}, {@code 127.x.x.x},
 * {@code [::1]}) would publish feeds, sitemaps and canonical links nobody else can open: a warning naming
 * {@code site.yaml} and its {@code baseUrl} line (or {@code --base-url}). The preview server builds with such a URL
 * on purpose and is not warned. {@code tickerpress new site} writes this placeholder.
 */
final class LocalBaseUrl {
    private LocalBaseUrl() {
    }

    static void warn(String baseUrl, boolean fromFlag, Path source, String siteYaml, Diagnostics diagnostics) {
        if (!isLocal(baseUrl)) return;
        String advice = "is a local address (" + baseUrl + "): feeds, sitemaps and canonical links would point to the"
                + " building machine; set the site's public address";
        if (fromFlag) {
            diagnostics.warnAbout("--base-url", advice.replace("set the site's", "give the site's"));
            return;
        }
        diagnostics.warn(Diagnostics.display(source.resolve("content").resolve("site.yaml")), line(siteYaml),
                "'baseUrl' " + advice + " there, e.g. baseUrl: https://news.example.com/ (or build with --base-url)");
    }

    static boolean isLocal(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) return false;
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The line of the top-level {@code baseUrl:} key, or 0 when it is not written (the default applies). */
    private static int line(String siteYaml) {
        String[] lines = siteYaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("baseUrl:") || lines[i].startsWith("\"baseUrl\":")) return i + 1;
        }
        return 0;
    }
}
