package io.tickerpress.render;

import io.tickerpress.load.ChartSpecs;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.render.view.ChartView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code {{< chart TYPE SYMBOL[,SYMBOL...] [range=YTD] [title="..."] >}}}: a chart ending at the article's
 * time. The Markdown gets a placeholder paragraph, replaced by the chart's HTML after Markdown is rendered (so
 * that a site without raw HTML still shows its charts).
 */
public final class ChartShortcode implements Shortcodes.Handler {
    static final String PLACEHOLDER = "tickerpress-chart-placeholder-";
    private final Charts charts;
    private final LocalDate asOf;
    private final Function<ChartView, String> html;
    private final List<String> blocks = new ArrayList<>();

    /** @param asOf the last trading day whose close is known at the page's time: charts end there */
    public ChartShortcode(Charts charts, LocalDate asOf, Function<ChartView, String> html) {
        this.charts = charts;
        this.asOf = asOf;
        this.html = html;
    }

    @Override
    public String expand(Shortcodes.Call call) {
        for (String key : call.named().keySet()) {
            if (!Set.of("range", "title").contains(key)) {
                throw call.error("unknown option '" + key + "'; options: range, title");
            }
        }
        if (call.args().isEmpty() || call.args().size() > 2) {
            throw call.error("expected {{< chart TYPE SYMBOL[,SYMBOL...] [range=YTD] [title=\"...\"] >}}");
        }
        String type = call.args().get(0);
        List<String> symbols = call.args().size() < 2 ? List.of()
                : List.of(call.args().get(1).toUpperCase(Locale.ROOT).split(",")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        String range = call.named().getOrDefault("range", "3M").toUpperCase(Locale.ROOT);
        String problem = ChartSpecs.problem(type, symbols, range);
        if (problem != null) throw call.error(problem);
        ChartSpec spec = new ChartSpec(ChartSpec.Type.parse(type), symbols, range, call.named().getOrDefault("title", ""));
        ChartView view;
        try {
            view = charts.request(spec, asOf, PageCharts.WIDTH, PageCharts.height(spec));
        } catch (Charts.ChartException e) {
            throw call.error(e.getMessage());
        }
        blocks.add(html.apply(view));
        return "\n\n" + PLACEHOLDER + (blocks.size() - 1) + "\n\n";
    }

    /** Replaces the placeholders in rendered HTML with the charts. */
    public String restore(String renderedHtml) {
        String out = renderedHtml;
        for (int i = blocks.size() - 1; i >= 0; i--) {
            out = out.replace("<p>" + PLACEHOLDER + i + "</p>", blocks.get(i));
        }
        return out;
    }
}
