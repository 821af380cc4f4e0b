package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.SiteContent;
import io.tickerpress.model.TradingCalendar;

import java.nio.file.Files;
import java.nio.file.Path;

/** The load stage: reads a site folder's {@code content/} into a {@link SiteContent}. */
public final class ContentLoader {
    private ContentLoader() {
    }

    public static SiteContent load(Path sourceDir, Diagnostics diagnostics) {
        Path content = sourceDir.resolve("content");
        if (!Files.isDirectory(content)) {
            throw new InputError(Diagnostics.display(content), "no content folder here: --source must name a folder"
                    + " that holds content/site.yaml and content/articles/");
        }
        SiteConfig config = SiteConfigLoader.load(content);
        TradingCalendar calendar = new TradingCalendar(config.market().closures());
        return new SiteContent(config, new ArticleLoader(config).loadAll(content),
                new MarketLoader(calendar, diagnostics).load(content), DigestLoader.loadAll(content));
    }
}
