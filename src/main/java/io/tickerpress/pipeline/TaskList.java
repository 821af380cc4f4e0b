package io.tickerpress.pipeline;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Tasks made one at a time, when a worker takes them: each added list of items gives a task per item, made by its
 * function on {@link #get}. A large archive has a list page for every few articles; its pages' tasks (with the page
 * each renders) are not all made before the first runs, only the lists they come from are held.
 */
final class TaskList extends AbstractList<Runnable> implements RandomAccess {
    private final List<List<?>> sources = new ArrayList<>();
    private final List<Function<Object, Runnable>> makers = new ArrayList<>();
    /** Where each source's tasks end: the number of tasks of the sources up to and including it. */
    private int[] ends = new int[8];
    private int size;

    /** Adds a task for each of {@code items}, made by {@code task} when it is asked for. */
    @SuppressWarnings("unchecked")
    <T> TaskList addFor(List<T> items, Function<? super T, Runnable> task) {
        if (items.isEmpty()) return this;
        if (sources.size() == ends.length) ends = Arrays.copyOf(ends, ends.length * 2);
        sources.add(items);
        makers.add((Function<Object, Runnable>) task);
        size = Math.addExact(size, items.size());
        ends[sources.size() - 1] = size;
        return this;
    }

    /** Adds one task. */
    TaskList addTask(Runnable task) {
        return addFor(List.of(task), t -> t);
    }

    @Override
    public Runnable get(int index) {
        java.util.Objects.checkIndex(index, size);
        // The first source that ends after index.
        int low = 0;
        int high = sources.size() - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= index) low = mid + 1;
            else high = mid;
        }
        int start = low == 0 ? 0 : ends[low - 1];
        return makers.get(low).apply(sources.get(low).get(index - start));
    }

    @Override
    public int size() {
        return size;
    }
}
