package io.tickerpress.derive;

import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Date archives under the article permalink's date folders: with {@code /news/{yyyy}/{mm}/{dd}/{slug}/} an
 * article of Jan 20, 2026 is listed on {@code news/2026/}, {@code news/2026/01/} and {@code news/2026/01/20/}.
 * A level exists only when its token is a whole folder of the pattern, after the coarser tokens and before
 * {@code {slug}} ({@code /{yyyy}-{slug}/} has none).
 */
public final class Archives {
    private Archives() {
    }

    public enum Level { YEAR, MONTH, DAY }

    /** One archive page's articles, newest first; {@code date} is the first day of its year, month or day. */
    public record Archive(Level level, LocalDate date, String path, List<PublishedArticle> articles) {
        public Archive {
            articles = List.copyOf(articles);
        }
    }

    private static final String[] TOKENS = {"{yyyy}", "{mm}", "{dd}"};

    /** The pattern's folder prefixes for each level it has, e.g. "/news/{yyyy}/" for YEAR; null where none. */
    static String[] prefixes(String pattern) {
        String[] out = new String[3];
        int slug = pattern.indexOf("{slug}");
        int from = 0;
        for (int level = 0; level < 3; level++) {
            int at = pattern.indexOf("/" + TOKENS[level] + "/");
            if (at < from || at < 0 || at > slug) break;
            String prefix = pattern.substring(0, at + TOKENS[level].length() + 2);
            for (int later = level + 1; later < 3; later++) {
                if (prefix.contains(TOKENS[later])) return out; // a finer token before a coarser one
            }
            out[level] = prefix;
            from = at + 1;
        }
        return out;
    }

    /** Every archive of the published articles, coarsest first, then by path. */
    public static List<Archive> of(SiteConfig config, List<PublishedArticle> newestFirst) {
        String[] prefixes = prefixes(config.articlePermalink());
        List<Archive> out = new ArrayList<>();
        if (prefixes[0] == null && prefixes[1] == null && prefixes[2] == null) return out;
        // Each article's day in the site's zone, found once for all levels.
        List<ZonedDateTime> days = new ArrayList<>(newestFirst.size());
        for (PublishedArticle p : newestFirst) days.add(p.article().date().withZoneSameInstant(config.timezone()));
        for (Level level : Level.values()) {
            String prefix = prefixes[level.ordinal()];
            if (prefix == null) continue;
            Map<String, List<PublishedArticle>> byPath = new TreeMap<>();
            Map<String, LocalDate> dates = new TreeMap<>();
            Map<LocalDate, String> pathOfStart = new java.util.HashMap<>(); // many articles share a day
            for (int i = 0; i < newestFirst.size(); i++) {
                ZonedDateTime d = days.get(i);
                LocalDate day = d.toLocalDate();
                LocalDate start = switch (level) {
                    case YEAR -> day.withDayOfYear(1);
                    case MONTH -> day.withDayOfMonth(1);
                    case DAY -> day;
                };
                String path = pathOfStart.computeIfAbsent(start, k -> Permalinks.expand(prefix, d, "").substring(1));
                byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(newestFirst.get(i));
                dates.put(path, start);
            }
            byPath.forEach((path, list) -> out.add(new Archive(level, dates.get(path), path, list)));
        }
        return out;
    }

    /** The day archive's path of an article, or null when the permalink has no day folder. */
    public static String dayPath(SiteConfig config, PublishedArticle p) {
        String prefix = prefixes(config.articlePermalink())[Level.DAY.ordinal()];
        return prefix == null ? null
                : Permalinks.expand(prefix, p.article().date().withZoneSameInstant(config.timezone()), "").substring(1);
    }
}
