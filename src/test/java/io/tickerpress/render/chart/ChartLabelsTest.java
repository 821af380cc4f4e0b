package io.tickerpress.render.chart;

import io.tickerpress.derive.ChartData;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.SectorMove;
import io.tickerpress.render.Formats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The labels drawn on a sector chart are the texts of its data table, rounded by the same rule. */
class ChartLabelsTest {
    @Test
    void sectorBarLabelsMatchTheTable() {
        ChartData data = new ChartData(new ChartSpec(ChartSpec.Type.SECTORS, List.of(), "1M", ""), LocalDate.of(2026, 1, 16),
                List.of(), List.of(new SectorMove("Tech", 1.125, 2.675), new SectorMove("Energy", -1.125, null),
                new SectorMove("Banks", 2.675, null), new SectorMove("Utilities", -0.004, null)));
        JFreeChart chart = ChartDrawer.draw(data, Formats.defaults());
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        CategoryItemLabelGenerator labels = plot.getRenderer().getDefaultItemLabelGenerator();
        CategoryDataset dataset = plot.getDataset();
        Map<String, String> drawn = new LinkedHashMap<>();
        for (int c = 0; c < dataset.getColumnCount(); c++) {
            drawn.put(dataset.getColumnKey(c).toString(), labels.generateLabel(dataset, 0, c));
        }
        // By hand, half-up on the values as written: 1.125 -> +1.13% (half-even would draw +1.12%),
        // -1.125 -> -1.13%, 2.675 -> +2.68% (%.2f on the double would give +2.67%), -0.004 -> 0.00%.
        assertEquals(Map.of("Tech", "+1.13%", "Energy", "-1.13%", "Banks", "+2.68%", "Utilities", "0.00%"), drawn);
        Map<String, String> table = new LinkedHashMap<>();
        for (List<String> row : ChartText.table(data, Formats.defaults()).rows()) table.put(row.get(0), row.get(1));
        assertEquals(table, drawn, "the chart's labels are its table's texts");
        // The value axis uses the percentage rule too (two decimals, signed, ASCII).
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        assertEquals("+0.50%", axis.getNumberFormatOverride().format(0.5));
    }
}
