package io.tickerpress.render.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Where a search index's files go: written, or kept from the previous build by name. */
public interface IndexFiles {
    void write(String path, byte[] bytes);

    /**
     * Puts the previous build's file of this name into the output (files are named by their content, so the
     * name says the bytes are the same), or returns false when the previous build published no such file.
     */
    boolean keep(String path);

    /**
     * A file the memo names is not in the previous build's output (deleted by hand, say): the memo cannot be used,
     * and the index is to be made anew. Files are named by their content, so the ones already put stay right.
     */
    final class MissingFile extends IllegalStateException {
        public MissingFile(String path) {
            super("the previous search index has no " + path);
        }
    }

    /** Files that go through these two functions. */
    static IndexFiles of(BiConsumer<String, byte[]> write, Predicate<String> keep) {
        return new IndexFiles() {
            @Override
            public void write(String path, byte[] bytes) {
                write.accept(path, bytes);
            }

            @Override
            public boolean keep(String path) {
                return keep.test(path);
            }
        };
    }

    /**
     * The files of one index, each named by its content and put once: kept from the previous build when it has the
     * name, else written. A file the memo names without its bytes must be kept: when the previous build does not
     * hold it, that is a {@link MissingFile}. It remembers what it put (the index's files), so one serves an index
     * made anew after a {@link MissingFile} too: the files put before are not put again.
     */
    final class Placed {
        private final IndexFiles out;
        /** Each file put, in the order put: true when written, false when kept. */
        private final Map<String, Boolean> put = new LinkedHashMap<>();

        public Placed(IndexFiles out) {
            this.out = out;
        }

        /** A file whose bytes are at hand. */
        public void put(String path, byte[] bytes) {
            if (put.containsKey(path)) return;
            boolean kept = out.keep(path);
            if (!kept) out.write(path, bytes);
            put.put(path, !kept);
        }

        /** A file that is always written, never kept (one not named by its content). */
        public void write(String path, byte[] bytes) {
            if (put.containsKey(path)) return;
            out.write(path, bytes);
            put.put(path, true);
        }

        /** A file the memo names, kept from the previous build. */
        public void keep(String path) {
            if (put.containsKey(path)) return;
            if (!out.keep(path)) throw new MissingFile(path);
            put.put(path, false);
        }

        /** The files put, in the order put. */
        public List<String> files() {
            return List.copyOf(put.keySet());
        }

        /** The files written (the others were kept). */
        public Set<String> written() {
            Set<String> written = new HashSet<>();
            put.forEach((path, wrote) -> {
                if (wrote) written.add(path);
            });
            return written;
        }
    }
}
