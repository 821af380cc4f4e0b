package io.tickerpress.diag;

import java.util.Locale;

/**
 * What a command says when the Java heap runs out: the heap it had and how to give it more (the command line's
 * failures, and a preview server's failed rebuild). A small reserve is held from the start and let go when the heap
 * runs out, so that the message itself can still be printed.
 */
public final class OutOfMemory {
    /** Released on the first out-of-memory error, so that unwinding and printing have room. */
    private static volatile byte[] reserve = new byte[1 << 20];

    private OutOfMemory() {
    }

    /**
     * Loads this class, and so takes the reserve, while there is room: called first thing in {@code main}. Were the
     * class first loaded when the heap has run out, taking the reserve would fail and no message would print.
     */
    public static void reserve() {
        // Loading the class has done the work.
    }

    /** The out-of-memory error behind {@code e} (itself or a cause), or null when it is something else. */
    public static OutOfMemoryError find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) return oom;
            if (t.getCause() == t) break;
        }
        return null;
    }

    /** Lets go of the reserve; the failed command's own objects are garbage once its frames are gone. */
    public static void free() {
        reserve = null;
    }

    /** "the build ran out of memory (Java heap of 768 MiB): ..." */
    public static String message(String what, OutOfMemoryError e) {
        long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String kind = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
        return String.format(Locale.ROOT, "%s ran out of memory: the Java heap is limited to %d MiB%s. Give it more with"
                + " TICKERPRESS_JAVA_OPTS, for example: TICKERPRESS_JAVA_OPTS=\"-Xmx2g\" ./tickerpress build"
                + " (the default is -Xmx768m; keep the heap below the machine's free memory)", what, mib, kind);
    }
}
