package io.tickerpress.deploy;

import io.tickerpress.render.search.SearchFormat;
import io.tickerpress.write.MediaTypes;

import java.util.List;

/**
 * Which headers each file is uploaded with: the first of site.yaml's {@code deploy.matchers} whose pattern
 * matches the file's site path sets what it names; whatever it leaves out comes from the defaults:
 * <ul>
 *   <li>{@code Content-Type} from the file's extension ({@link MediaTypes});
 *   <li>{@code Cache-Control}: a year and {@code immutable} for {@code charts/}, whose names are hashes of their
 *       content (a changed chart gets a new name), and for the search index's files but its manifest (named by
 *       a hash of their content); five minutes for pages, feeds, sitemaps, the search index
 *       and everything else, which keep their names when they change (the theme's {@code assets/} too);
 *   <li>no compression.
 * </ul>
 */
public final class HeaderRules {
    /** Content-hashed files: a changed file gets a new name, so a cached copy is never stale. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Files that keep their name when they change: readers see an edit within five minutes. */
    public static final String SHORT = "public, max-age=300";

    /** One entry of {@code deploy.matchers}; null fields are left to the defaults. */
    public record Rule(String pattern, String cacheControl, String contentType, Boolean gzip) {
    }

    private record Compiled(Glob glob, Rule rule) {
    }

    private final List<Compiled> rules;

    public HeaderRules(List<Rule> rules) {
        this.rules = rules.stream().map(r -> new Compiled(Glob.of(r.pattern()), r)).toList();
    }

    public static HeaderRules defaults() {
        return new HeaderRules(List.of());
    }

    public FileHeaders forPath(String sitePath) {
        Rule rule = rules.stream().filter(c -> c.glob().matches(sitePath)).map(Compiled::rule).findFirst().orElse(null);
        String type = rule != null && rule.contentType() != null ? rule.contentType() : MediaTypes.of(sitePath);
        String cache = rule != null && rule.cacheControl() != null ? rule.cacheControl() : defaultCache(sitePath);
        boolean gzip = rule != null && rule.gzip() != null && rule.gzip();
        return new FileHeaders(type, cache, gzip ? "gzip" : null);
    }

    static String defaultCache(String sitePath) {
        return sitePath.startsWith("charts/") || SearchFormat.versioned(sitePath) ? IMMUTABLE : SHORT;
    }
}
