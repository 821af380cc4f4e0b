package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.SiteContent;

import java.nio.file.Files;
import java.nio.file.Path;

/** The load stage: reads a site folder's {@code content/} into a {@link SiteContent}. */
public final class ContentLoader {
    private ContentLoader() {
    }

    public static SiteContent load(Path sourceDir) {
        Path content = sourceDir.resolve("content");
        if (!Files.isDirectory(content)) {
            throw new InputError(Diagnostics.display(content), "no content folder here: --source must name a folder"
                    + " that holds content/site.yaml and content/articles/");
        }
        SiteConfig config = SiteConfigLoader.load(content);
        return new SiteContent(config, new ArticleLoader(config).loadAll(content));
    }
}
