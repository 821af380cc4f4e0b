package io.tickerpress.model;

/**
 * Largest input files a build accepts, in bytes (site.yaml {@code limits:}), so that a runaway file is a clear
 * error rather than an out-of-memory crash.
 */
public record Limits(long articleBytes, long snapshotBytes, long csvBytes) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    public static Limits defaults() {
        return new Limits(10L * 1024 * 1024, 20L * 1024 * 1024, 200L * 1024 * 1024);
    }
}
