package io.tickerpress.derive;

import io.tickerpress.model.Digest;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.Snapshot;

import java.util.List;

/**
 * One trading day's digest page: the snapshot, the editor's write-up if any, the day's articles, and the
 * neighbouring days that have a snapshot (null at the ends).
 */
public record DigestDay(Snapshot snapshot, Digest editorial, String path, List<Move> indices, List<Move> gainers,
                        List<Move> losers, List<PublishedArticle> articles, DigestDay.Ref previous, DigestDay.Ref next) {
    public record Ref(java.time.LocalDate date, String path) {
    }

    public DigestDay {
        indices = List.copyOf(indices);
        gainers = List.copyOf(gainers);
        losers = List.copyOf(losers);
        articles = List.copyOf(articles);
    }
}
