package io.tickerpress.model;

import java.util.List;

/** A sector and the symbols it is measured by ({@code market.sectors} in site.yaml), for pre-filled snapshots. */
public record SectorMembers(String name, List<String> symbols) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    public SectorMembers {
        symbols = List.copyOf(symbols);
    }
}
