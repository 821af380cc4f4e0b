package io.tickerpress.derive;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

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

    /**
     * The pages of {@code items}, {@code perPage} to a page (one empty page when there are no items). Each page is
     * made when it is asked for, not kept: a large archive has a list page for every few articles, and the build
     * renders them one at a time.
     */
    public static <T> List<Page<T>> paginate(List<T> items, int perPage, String basePath) {
        int total = Math.max(1, (items.size() + perPage - 1) / perPage);
        return new Pages<>(items, perPage, basePath, total);
    }

    public static String pathOf(String basePath, int n) {
        return n == 1 ? basePath : basePath + "page/" + n + "/";
    }

    private static final class Pages<T> extends AbstractList<Page<T>> implements RandomAccess {
        private final List<T> items;
        private final int perPage;
        private final String basePath;
        private final int total;

        Pages(List<T> items, int perPage, String basePath, int total) {
            this.items = items;
            this.perPage = perPage;
            this.basePath = basePath;
            this.total = total;
        }

        @Override
        public Page<T> get(int index) {
            java.util.Objects.checkIndex(index, total);
            int n = index + 1;
            List<T> slice = items.subList(Math.min(items.size(), index * perPage), Math.min(items.size(), n * perPage));
            return new Page<>(slice, n, total, pathOf(basePath, n),
                    n > 1 ? pathOf(basePath, n - 1) : null,
                    n < total ? pathOf(basePath, n + 1) : null);
        }

        @Override
        public int size() {
            return total;
        }
    }
}
