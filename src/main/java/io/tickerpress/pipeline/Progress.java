package io.tickerpress.pipeline;

import java.util.Locale;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A progress bar for long builds, drawn on a terminal only: never in CI, in a pipe or with --quiet, so logs
 * stay clean. It is also where a build can be stopped: {@link #stoppable} throws {@link Stopped} at the next
 * page once asked to.
 */
public final class Progress {
    public static final Progress NONE = new Progress(null, 0);
    private final PrintStream terminal;
    private final BooleanSupplier stop;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long lastDraw;

    private Progress(PrintStream terminal, int total) {
        this(terminal, total, () -> false);
    }

    private Progress(PrintStream terminal, int total, BooleanSupplier stop) {
        this.terminal = terminal;
        this.total = total;
        this.stop = stop;
    }

    /** No output; the build stops with {@link Stopped} at its next page once {@code stop} says so. */
    public static Progress stoppable(BooleanSupplier stop) {
        return new Progress(null, 0, stop);
    }

    /** Thrown into a build that was asked to stop (the preview server closing, Ctrl-C during check). */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("the build was stopped");
        }
    }

    /** A bar on standard error when it is an interactive terminal, else no output at all. */
    public static Progress onTerminal(boolean quiet) {
        String ci = System.getenv("CI");
        boolean interactive = System.console() != null && (ci == null || ci.isBlank() || ci.equals("false"));
        return quiet || !interactive ? NONE : new Progress(System.err, 0);
    }

    void total(int n) {
        total = n;
    }

    void step() {
        if (stop.getAsBoolean()) throw new Stopped();
        int d = done.incrementAndGet();
        if (terminal == null || total < 200) return;
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && d < total) return;
        lastDraw = now;
        int width = 30;
        int filled = (int) ((long) Math.min(d, total) * width / total);
        synchronized (terminal) {
            terminal.printf(Locale.ROOT, "\r[%s%s] %d/%d pages", "#".repeat(filled), " ".repeat(width - filled), Math.min(d, total), total);
            if (d >= total) terminal.print("\r" + " ".repeat(width + 30) + "\r");
            terminal.flush();
        }
    }
}
