package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TradingCalendar;

import java.nio.file.Path;

/**
 * Where a build gets the market data of {@code content/market/} from: parsed from the files ({@link #PARSE}), or
 * from a memo of an earlier parse of the same files (the pipeline's). Either way the same data and the same
 * warnings; an input error is thrown.
 */
@FunctionalInterface
public interface MarketSource {
    /** Parses the files, with the settings of {@code config} ({@link MarketLoader}). */
    MarketSource PARSE = (config, contentDir, diagnostics, cache) -> new MarketLoader(TradingCalendar.of(config.market()),
            diagnostics, config.limits(), config.market().strict()).load(contentDir, cache);

    /**
     * @param diagnostics where the warnings of the parse go
     * @param cache       parses kept within this process ({@link ContentLoader.Cache})
     */
    MarketData load(SiteConfig config, Path contentDir, Diagnostics diagnostics, ContentLoader.Cache cache);
}
