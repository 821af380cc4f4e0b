package io.tickerpress.render;

import io.tickerpress.diag.Diagnostics;

import java.util.function.Function;

/**
 * A page whose data is ready but whose HTML is not rendered yet. The fingerprint is a hash of what decides
 * this page's bytes beyond the inputs every page shares (its template's name, its view model, its Markdown
 * body and the market data its shortcodes read); the shared inputs (site.yaml, every theme file, the
 * generator) are fingerprinted once per build by {@code pipeline.SiteInputs}. An incremental build reuses the
 * previous build's file when both are unchanged.
 *
 * @param render renders the page's HTML, reporting warnings to the diagnostics it is given
 */
public record PreparedPage(String fingerprint, Function<Diagnostics, String> render) {
}
