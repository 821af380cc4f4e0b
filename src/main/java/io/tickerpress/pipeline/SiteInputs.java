package io.tickerpress.pipeline;

import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.render.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inputs every page depends on, fingerprinted once per build: the whole of {@code site.yaml} (its text and
 * the settings read from it, market closures included, after {@code --base-url}), the {@code --drafts} and
 * {@code --future} choices, every file of the theme (the site's {@code templates/} folder, static assets
 * included, and the default theme) and the generator itself. When any of them changes, an incremental build
 * reuses no page. What only some pages show (articles, digests, market data) is in each page's own fingerprint.
 */
final class SiteInputs {
    private SiteInputs() {
    }

    /**
     * The text of {@code content/site.yaml}, read before the content is loaded: an edit saved during the build
     * then changes the next build's fingerprint rather than hiding in this one's.
     */
    static String siteYaml(Path source) {
        try {
            return Files.readString(source.resolve("content").resolve("site.yaml"));
        } catch (IOException | RuntimeException e) {
            return "unreadable"; // loading the content reports the problem
        }
    }

    static String fingerprint(String siteYaml, SiteConfig config, BuildOptions options, Theme theme) {
        return Fingerprint.of("site.yaml", siteYaml, config.toString(),
                "drafts=" + options.drafts() + " future=" + options.future(),
                "theme", theme.filesDigest(), "generator (its code and the default theme packaged with it)",
                GeneratorVersion.id());
    }
}
