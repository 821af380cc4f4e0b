package io.tickerpress.render.view;

/**
 * Template variable {@code site}.
 *
 * @param baseUrl absolute URL of the site root, ending in '/'
 * @param root site-relative URL of the home page, e.g. "/" (prefix of every link)
 * @param hasMarkets whether the site has daily snapshots (and so /markets/ and /tickers/ pages)
 */
public record SiteView(String title, String description, String baseUrl, String root, String language,
                       String publisher, String stylesheet, boolean hasMarkets) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
