package io.tickerpress.write;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each distinct list of names. The market sidebar shows the same two dozen chart files on
 * every page: a copy of their names per page would be most of the memory a large archive's build holds.
 */
final class SharedLists {
    private static final Map<List<String>, List<String>> LISTS = new ConcurrentHashMap<>();
    /** Beyond this many distinct lists (a long preview session), start again rather than grow. */
    private static final int MAX = 10_000;

    private SharedLists() {
    }

    static List<String> of(List<String> names) {
        if (names.isEmpty()) return List.of();
        List<String> shared = LISTS.get(names);
        if (shared != null) return shared;
        if (LISTS.size() >= MAX) LISTS.clear();
        return LISTS.computeIfAbsent(List.copyOf(names), k -> k);
    }
}
