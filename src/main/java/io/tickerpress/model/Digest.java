package io.tickerpress.model;

import java.time.LocalDate;

/** An editor's write-up of a trading day, from {@code content/digests/YYYY-MM-DD.md}. */
public record Digest(String file, LocalDate date, String title, java.util.List<String> summary, String body, int bodyLine) {
    public Digest {
        summary = java.util.List.copyOf(summary);
    }
}
