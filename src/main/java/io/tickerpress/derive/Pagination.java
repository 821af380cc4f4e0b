package io.tickerpress.derive;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into pages: the first at {@code basePath}, the rest at {@code basePath + "page/N/"}. */
public final class Pagination {
    private Pagination() {
    }

    /**
     * One page of a paginated list.
     *
     * @param path site-relative path of this page ("" for the home page)
     * @param newerPath path of the page with newer items, or null on the first page
     * @param olderPath path of the page with older items, or null on the last page
     */
    public record Page<T>(List<T> items, int number, int total, String path, String newerPath, String olderPath) {
        public Page {
            items = List.copyOf(items);
        }
    }

    public static <T> List<Page<T>> paginate(List<T> items, int perPage, String basePath) {
        int total = Math.max(1, (items.size() + perPage - 1) / perPage);
        List<Page<T>> pages = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            List<T> slice = items.subList(Math.min(items.size(), (n - 1) * perPage), Math.min(items.size(), n * perPage));
            pages.add(new Page<>(slice, n, total, pathOf(basePath, n),
                    n > 1 ? pathOf(basePath, n - 1) : null,
                    n < total ? pathOf(basePath, n + 1) : null));
        }
        return pages;
    }

    public static String pathOf(String basePath, int n) {
        return n == 1 ? basePath : basePath + "page/" + n + "/";
    }
}
