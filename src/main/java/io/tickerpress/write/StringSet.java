package io.tickerpress.write;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A set of strings in one open-addressed array, safe for concurrent use (each call holds the set's lock): a build
 * of 100,000 articles notes some 190,000 paths, and a concurrent hash set spends a 32-byte node on each where this
 * spends a slot or two of 4 bytes. Strings are only added, never removed; iteration sees the strings added
 * before it began.
 */
final class StringSet extends AbstractSet<String> {
    private String[] slots;
    private int size;

    StringSet(int expected) {
        slots = new String[capacity(expected)];
    }

    /** A power of two at least twice {@code expected}: the array is at most half full. */
    private static int capacity(int expected) {
        int n = 16;
        while (n < 2L * expected && n < (1 << 30)) n <<= 1;
        return n;
    }

    @Override
    public synchronized boolean add(String s) {
        int i = slot(slots, s);
        if (slots[i] != null) return false;
        slots[i] = s;
        if (++size * 2 > slots.length) grow();
        return true;
    }

    @Override
    public synchronized boolean contains(Object o) {
        return o instanceof String s && slots[slot(slots, s)] != null;
    }

    @Override
    public synchronized int size() {
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        List<String> all;
        synchronized (this) {
            all = new ArrayList<>(size);
            for (String s : slots) if (s != null) all.add(s);
        }
        return java.util.Collections.unmodifiableList(all).iterator();
    }

    /** The slot that holds {@code s}, or the empty one where it would go. */
    private static int slot(String[] slots, String s) {
        int mask = slots.length - 1;
        int h = s.hashCode();
        int i = (h ^ h >>> 16) & mask;
        while (slots[i] != null && !slots[i].equals(s)) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        String[] bigger = new String[slots.length * 2];
        for (String s : slots) if (s != null) bigger[slot(bigger, s)] = s;
        slots = bigger;
    }
}
