package io.tickerpress.render.view;

/** A sector's day and year-to-date % change ("" when unknown). */
public record SectorView(String name, String changePct, String ytdPct, String direction, String arrow) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }
}
