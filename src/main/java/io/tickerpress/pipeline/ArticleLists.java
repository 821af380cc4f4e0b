package io.tickerpress.pipeline;

import io.tickerpress.derive.Chronicle;
import io.tickerpress.derive.Pagination;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.write.RecordBytes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The pages of a full build that show articles other than their own page (the home page's pages, tag, archive,
 * author and ticker pages, digest pages), each with the stories it lists as their places in the
 * {@link ArticleOrder}: the part of the dependency graph that leads from an article to the lists that show it.
 * {@link ArticleEdits} finds in it the pages a changed title or key point shows on, and their other stories.
 *
 * @param pages in the order the build made them
 */
record ArticleLists(List<ListPage> pages) {
    /** What a list page is, which says how it renders. */
    enum Kind { HOME, TAG, ARCHIVE, AUTHOR, TICKER, DIGEST }

    /**
     * One page of a list.
     *
     * @param name   the tag's or author's name, the archive's heading, the ticker's symbol, the digest's path; "" for
     *               the home page
     * @param base   the list's first page's path ({@link Pagination#pathOf})
     * @param offset how many stories of the list come before this page's first
     * @param items  the stories the page lists, as places in the order, in the page's order
     */
    record ListPage(Kind kind, String name, String base, int number, int total, int offset, int[] items) {
        /** The page's path ("" for the home page). */
        String path() {
            return Pagination.pathOf(base, number);
        }

        /** Where a story is in the whole list (0 for the newest), or -1 when this page does not list it. */
        int positionOf(int place) {
            for (int i = 0; i < items.length; i++) {
                if (items[i] == place) return offset + i;
            }
            return -1;
        }

        /** This page with these stories (each at its place), as the build paginated it. */
        <T> Pagination.Page<T> page(List<T> stories) {
            return new Pagination.Page<>(stories, number, total, path(),
                    number > 1 ? Pagination.pathOf(base, number - 1) : null,
                    number < total ? Pagination.pathOf(base, number + 1) : null);
        }
    }

    /** The pages listing any of these places. */
    List<ListPage> showing(Set<Integer> places) {
        int most = places.stream().mapToInt(Integer::intValue).max().orElse(-1);
        boolean[] wanted = new boolean[most + 1];
        places.forEach(p -> wanted[p] = true);
        List<ListPage> found = new ArrayList<>();
        for (ListPage page : pages) {
            for (int item : page.items()) {
                if (item <= most && wanted[item]) {
                    found.add(page);
                    break;
                }
            }
        }
        return found;
    }

    void write(RecordBytes.Writer out) {
        out.putInt(pages.size());
        for (ListPage p : pages) {
            out.putByte(p.kind().ordinal()).putString(p.name()).putString(p.base()).putInt(p.number())
                    .putInt(p.total()).putInt(p.offset()).putInt(p.items().length);
            for (int item : p.items()) out.putInt(item);
        }
    }

    /** The lists as {@link #write} put them; throws when the bytes do not hold them. */
    static ArticleLists read(RecordBytes.Reader in, int places) {
        int count = in.count();
        List<ListPage> pages = new ArrayList<>(count);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            Kind kind = kinds[in.getByte()];
            String name = in.getString();
            String base = in.getString();
            int number = in.getInt();
            int total = in.getInt();
            int offset = in.getInt();
            int[] items = new int[in.count()];
            for (int k = 0; k < items.length; k++) {
                items[k] = in.getInt();
                if (items[k] < 0 || items[k] >= places) throw new RecordBytes.Damaged();
            }
            pages.add(new ListPage(kind, name, base, number, total, offset, items));
        }
        return new ArticleLists(Collections.unmodifiableList(pages));
    }

    /** Collects a build's list pages. */
    static final class Recorder {
        private final Chronicle chronicle;
        private final int perPage;
        private final List<ListPage> pages = new ArrayList<>();

        /** @param chronicle the build's published articles, whose positions are their places */
        Recorder(Chronicle chronicle, int perPage) {
            this.chronicle = chronicle;
            this.perPage = perPage;
        }

        /** The pages of a list (newest first) at {@code base}, as {@link Pagination#paginate} cuts it. */
        void add(Kind kind, String name, String base, List<PublishedArticle> newestFirst) {
            for (Pagination.Page<PublishedArticle> page : Pagination.paginate(newestFirst, perPage, base)) {
                pages.add(page(kind, name, base, page.number(), page.total(), (page.number() - 1) * perPage,
                        page.items()));
            }
        }

        /** A page that lists all these stories. */
        void addPage(Kind kind, String name, String path, List<PublishedArticle> stories) {
            pages.add(page(kind, name, path, 1, 1, 0, stories));
        }

        private ListPage page(Kind kind, String name, String base, int number, int total, int offset,
                              List<PublishedArticle> stories) {
            int[] items = new int[stories.size()];
            for (int i = 0; i < items.length; i++) items[i] = chronicle.place(stories.get(i));
            return new ListPage(kind, name, base, number, total, offset, items);
        }

        ArticleLists lists() {
            return new ArticleLists(List.copyOf(pages));
        }
    }
}
