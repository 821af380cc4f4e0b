package io.tickerpress.derive;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pages are made when asked for, each the same as the list of all pages would have it. */
class PaginationTest {
    @Test
    void splitsTwentyThreeItemsIntoThreePagesOfTen() {
        List<Integer> items = IntStream.rangeClosed(1, 23).boxed().toList();
        List<Pagination.Page<Integer>> pages = Pagination.paginate(items, 10, "tags/fed/");
        assertEquals(3, pages.size());
        Pagination.Page<Integer> first = pages.get(0);
        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), first.items());
        assertEquals(1, first.number());
        assertEquals(3, first.total());
        assertEquals("tags/fed/", first.path());
        assertNull(first.newerPath());
        assertEquals("tags/fed/page/2/", first.olderPath());
        Pagination.Page<Integer> last = pages.get(2);
        assertEquals(List.of(21, 22, 23), last.items());
        assertEquals("tags/fed/page/3/", last.path());
        assertEquals("tags/fed/page/2/", last.newerPath());
        assertNull(last.olderPath());
        assertEquals(pages.get(1), pages.get(1), "the same page each time it is asked for");
        assertEquals(List.of(pages.get(0), pages.get(1), pages.get(2)), List.copyOf(pages));
        assertThrows(IndexOutOfBoundsException.class, () -> pages.get(3));
    }

    @Test
    void anEmptyListHasOneEmptyPage() {
        List<Pagination.Page<String>> pages = Pagination.paginate(List.of(), 10, "");
        assertEquals(1, pages.size());
        assertEquals(List.of(), pages.get(0).items());
        assertEquals("", pages.get(0).path());
        assertNull(pages.get(0).olderPath());
    }
}
