package io.tickerpress.model;

/** A sector's performance on a day: % change on the day and year to date (either may be unknown). */
public record SectorMove(String name, Double changePct, Double ytdPct) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }
}
