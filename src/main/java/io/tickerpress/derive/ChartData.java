package io.tickerpress.derive;

import io.tickerpress.model.Bar;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.SectorMove;

import java.time.LocalDate;
import java.util.List;

/**
 * The data one chart shows: a slice of each series ending at {@code end} (never later), or a day's sectors.
 *
 * @param end the last day shown
 */
public record ChartData(ChartSpec spec, LocalDate end, List<Slice> slices, List<SectorMove> sectors) {
    /** One symbol's bars within the range, oldest first. */
    public record Slice(String symbol, String name, List<Bar> bars) {
        public Slice {
            bars = List.copyOf(bars);
        }
    }

    public ChartData {
        slices = List.copyOf(slices);
        sectors = List.copyOf(sectors);
    }
}
