package io.tickerpress.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the search page in a browser shows and fetched, read the same way by the browser tests of search. */
final class SearchPage {
    private SearchPage() {
    }

    /** The titles of the results the page lists, in its order. */
    @SuppressWarnings("unchecked")
    static List<String> titles(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#search-results .teaser-title')).map(e => e.textContent)");
    }

    /** Site path → bytes of the files under /search/ that the page fetched since the last call (the browser's count). */
    @SuppressWarnings("unchecked")
    static Map<String, Long> fetched(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        List<Map<String, Object>> entries = (List<Map<String, Object>>) js.executeScript(
                "return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname.startsWith('/search/'))"
                + ".map(e => ({path: new URL(e.name).pathname.substring(1), bytes: e.encodedBodySize}))");
        Map<String, Long> files = new TreeMap<>();
        entries.forEach(e -> files.put((String) e.get("path"), ((Number) e.get("bytes")).longValue()));
        js.executeScript("performance.clearResourceTimings()");
        return files;
    }
}
