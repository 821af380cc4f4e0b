package io.tickerpress.deploy;

import io.tickerpress.render.search.SearchFormat;

/**
 * The order of uploads, so that a reader never follows a link to a file that is not there yet: first what pages
 * show (charts, theme assets), then the pages, then the files that list pages (sitemaps, feeds, the search
 * index, robots.txt). Deletes come after all three.
 */
public enum Phase {
    ASSETS("assets and charts"),
    PAGES("pages"),
    INDEXES("sitemaps, feeds and indexes");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Phase of(String sitePath) {
        String name = sitePath.substring(sitePath.lastIndexOf('/') + 1);
        if (name.endsWith(".html")) return PAGES;
        // The search manifest names the index's files (named by their content), uploaded before it as assets.
        if (name.endsWith(".xml") || name.equals("robots.txt") || sitePath.equals(SearchFormat.MANIFEST)) return INDEXES;
        return ASSETS;
    }
}
