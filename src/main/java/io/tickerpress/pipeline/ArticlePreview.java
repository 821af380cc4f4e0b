package io.tickerpress.pipeline;

import io.tickerpress.derive.Chronicle;
import io.tickerpress.derive.Permalinks;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.load.ArticleLoader;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.render.PageRenderer;
import io.tickerpress.render.view.ArticleItemView;
import io.tickerpress.write.AtomicFiles;
import io.tickerpress.write.SafePaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The preview server's quick path for a saved article: the last in-place build's article pages are kept in
 * memory with what they were rendered from (the renderer, the chronicle, the latest stories), so that the
 * saved file's own page is parsed, rendered and written at once, in milliseconds, before the full rebuild that
 * brings its neighbours, lists and feeds up to date (and writes the same page again). Only an article that
 * keeps its URL, date and draft state qualifies; anything else waits for the full rebuild.
 */
public final class ArticlePreview {
    private record State(Path output, SiteConfig config, ArticleLoader loader, PageRenderer pages,
                         Chronicle chronicle, List<ArticleItemView> latest, Map<String, PublishedArticle> byFile) {
    }

    private volatile State state;

    /** Keeps what a successful in-place build rendered its article pages from. */
    void remember(Path output, SiteConfig config, ArticleLoader loader, PageRenderer pages, Chronicle chronicle,
                  List<ArticleItemView> latest) {
        state = null; // a remember that fails half-way (out of memory) leaves no stale state: saves wait for a rebuild
        Map<String, PublishedArticle> byFile = new HashMap<>();
        for (PublishedArticle p : chronicle.oldestFirst()) byFile.put(p.article().file(), p);
        state = new State(output, config, loader, pages, chronicle, latest, byFile);
    }

    /**
     * Renders and writes the page of a saved article file, when it is an article of the last build that keeps
     * its URL, date and draft state and parses without error.
     *
     * @return whether the page was written (false: it waits for the full rebuild)
     */
    public boolean rewrite(Path file) {
        State s = state;
        if (s == null) return false;
        PublishedArticle before = s.byFile().get(Diagnostics.display(file));
        if (before == null) return false;
        Article edited;
        try {
            edited = s.loader().load(file);
        } catch (RuntimeException e) {
            return false; // half-saved or wrong: the full rebuild reports it
        }
        Article old = before.article();
        if (!edited.date().equals(old.date()) || edited.draft() != old.draft()
                || !Permalinks.article(s.config(), edited).equals(before.path())) {
            return false;
        }
        PublishedArticle entry = new PublishedArticle(edited, before.path());
        String page = before.path().endsWith(".html") ? before.path() : before.path() + "index.html";
        try {
            String html = s.pages().article(entry, s.chronicle(), s.latest()).render().apply(new Diagnostics());
            AtomicFiles.write(SafePaths.resolve(s.output(), page), html.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
