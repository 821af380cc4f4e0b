package io.tickerpress.render.search;

import java.util.HashSet;
import java.util.Set;

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

    /**
     * The files of one index, each named by its content and put once: kept from the previous build when it has the
     * name, else written. A file the memo names without its bytes must be kept: when the previous build does not
     * hold it, that is a {@link MissingFile}.
     */
    final class Placed {
        private final IndexFiles out;
        private final Set<String> done = new HashSet<>();

        public Placed(IndexFiles out) {
            this.out = out;
        }

        /** A file whose bytes are at hand. */
        public void put(String path, byte[] bytes) {
            if (done.add(path) && !out.keep(path)) out.write(path, bytes);
        }

        /** A file the memo names, kept from the previous build. */
        public void keep(String path) {
            if (done.add(path) && !out.keep(path)) throw new MissingFile(path);
        }
    }
}
