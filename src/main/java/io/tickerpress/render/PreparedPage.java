package io.tickerpress.render;

import io.tickerpress.diag.Diagnostics;

import java.util.function.Function;

/**
 * A page whose data is ready but whose HTML is not rendered yet. The fingerprint is a hash of everything
 * that decides the page's bytes (its template files and its view model), so an incremental build can reuse
 * the previous build's file when the fingerprint has not changed.
 *
 * @param render renders the page's HTML, reporting warnings to the diagnostics it is given
 */
public record PreparedPage(String fingerprint, Function<Diagnostics, String> render) {
}
