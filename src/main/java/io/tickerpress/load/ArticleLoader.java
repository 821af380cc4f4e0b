package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Article;
import io.tickerpress.model.ArticleBody;
import io.tickerpress.model.ChartRequest;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.Source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads every {@code content/articles/**}{@code /*.md} file into an {@link Article}. */
public final class ArticleLoader {
    /** The folder below content/ that holds the articles. */
    public static final String FOLDER = "articles";

    /**
     * Whether a path relative to the site folder ("content/articles/2026/a.md") names an article file: below the
     * articles folder, with a Markdown ending in any case.
     */
    public static boolean isArticle(String relativePath) {
        if (!relativePath.startsWith("content/" + FOLDER + "/")) return false;
        String name = relativePath.toLowerCase(java.util.Locale.ROOT);
        for (String ending : EXTENSIONS) {
            if (name.endsWith(ending)) return true;
        }
        return false;
    }

    static final Set<String> FIELDS = Set.of("title", "date", "updated", "dateline", "slug", "summary", "tags",
            "tickers", "sources", "author", "draft", "timezone", "charts");

    /** Markdown files by every common name ending. */
    public static final String[] EXTENSIONS = {".md", ".markdown", ".mdown"};

    private final SiteConfig config;
    /** The key points of the articles this loader reads: in memory up to a budget, then in a spill file. */
    private final KeyPointsShelf keyPoints = new KeyPointsShelf();

    public ArticleLoader(SiteConfig config) {
        this.config = config;
    }

    public List<Article> loadAll(Path contentDir) {
        return loadAll(contentDir, new ContentLoader.Cache());
    }

    public List<Article> loadAll(Path contentDir, ContentLoader.Cache cache) {
        return loadAll(contentDir, cache, null);
    }

    /**
     * @param known articles parsed by earlier builds, by content hash: a file whose hash the input index
     *              recorded is taken from there when it is, and every file parsed is added; or null
     */
    public List<Article> loadAll(Path contentDir, ContentLoader.Cache cache, ParsedArticles known) {
        Path dir = contentDir.resolve(FOLDER);
        if (known != null) known.open(config.timezone().getId() + "|" + config.limits().articleBytes());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = ContentFiles.list(contentDir, dir, EXTENSIONS);
        // Parsed in parallel, reported in file order: the first bad file in that order is the one named.
        if (known != null) return new ArrayList<>(Parallel.map(files, f -> load(f, known)));
        return new ArrayList<>(Parallel.map(files, f -> cache.article(f, config, this::load)));
    }

    private Article load(Path file, ParsedArticles known) {
        String display = Diagnostics.display(file);
        long limit = config.limits().articleBytes();
        String indexed = known.hashes().indexed(file);
        if (indexed != null) {
            java.util.Optional<Article> hit = known.get(indexed, file, display, limit, keyPoints);
            if (hit.isPresent()) return hit.get();
        }
        byte[] bytes = TextFiles.readBytes(file, display, limit);
        String hash = known.hashes().of(file, bytes);
        String text = TextFiles.decode(bytes, display);
        FrontMatter fm = FrontMatter.split(text, display);
        Article a = parse(fm, display, file.getFileName().toString(),
                BodyOnDisk.of(display, limit, text, fm.body(), hash));
        known.put(hash, file, a, text, fm.body());
        return a;
    }

    /**
     * Parses one article file, its body keyed by the content hash of the bytes read ({@code hash} of them, by the
     * input index's rule): the article a build that loads every file would make of it.
     */
    public Article load(Path file, java.util.function.Function<byte[], String> hash) {
        String display = Diagnostics.display(file);
        long limit = config.limits().articleBytes();
        byte[] bytes = TextFiles.readBytes(file, display, limit);
        String text = TextFiles.decode(bytes, display);
        FrontMatter fm = FrontMatter.split(text, display);
        return parse(fm, display, file.getFileName().toString(),
                BodyOnDisk.of(display, limit, text, fm.body(), hash.apply(bytes)));
    }

    public Article load(Path file) {
        String display = Diagnostics.display(file);
        String text = TextFiles.read(file, display, config.limits().articleBytes());
        FrontMatter fm = FrontMatter.split(text, display);
        return parse(fm, display, file.getFileName().toString(),
                BodyOnDisk.of(display, config.limits().articleBytes(), text, fm.body(), null));
    }

    /** Parses an article's text; every problem is an {@link InputError} naming {@code display}. */
    public Article parse(String text, String display, String fileName) {
        FrontMatter fm = FrontMatter.split(text, display);
        return parse(fm, display, fileName, ArticleBody.of(fm.body()));
    }

    private Article parse(FrontMatter fm, String display, String fileName, ArticleBody body) {
        Fields f = fm.yaml().root().allowOnly(FIELDS);

        ZoneId zone = config.timezone();
        if (f.has("timezone")) {
            try {
                zone = ZoneId.of(f.string("timezone"));
            } catch (DateTimeException e) {
                throw f.error("timezone", "'timezone' is not a known time zone: '" + f.string("timezone") + "'");
            }
        }
        String title = AsWritten.text(f, "title", f.requiredString("title").strip());
        ZonedDateTime date = date(f, "date", zone, true);
        ZonedDateTime updated = date(f, "updated", zone, false);
        if (updated != null && updated.isBefore(date)) {
            throw f.error("updated", "'updated' (" + DateProblems.asWritten(updated) + ") is before 'date' ("
                    + DateProblems.asWritten(date) + "): an update comes after the story it updates");
        }
        String slug;
        if (f.has("slug")) {
            slug = Slugs.slugify(f.string("slug"));
            if (slug.isEmpty()) throw f.error("slug", "'slug' has no letters or digits to make a URL from");
        } else {
            slug = Slugs.fromFileName(fileName);
            if (slug.isEmpty()) slug = Slugs.slugify(title);
            if (slug.isEmpty()) {
                throw new InputError(display, 1, "cannot make a URL slug from the file name or the title: add 'slug:'"
                        + " with letters or digits");
            }
        }
        List<String> tickers = new ArrayList<>();
        for (String t : f.commaList("tickers")) {
            String symbol = t.strip().toUpperCase(java.util.Locale.ROOT);
            if (!SnapshotLoader.SYMBOL.matcher(symbol).matches()) {
                throw f.error("tickers", "ticker '" + t + "' is not a symbol (letters, digits, '.', '-' or '^', at most 12)");
            }
            if (!tickers.contains(symbol)) tickers.add(shared(symbol));
        }
        List<String> tags = new ArrayList<>();
        java.util.Map<String, String> tagBySlug = new java.util.HashMap<>();
        for (String t : f.commaList("tags")) {
            String tag = t.strip();
            String tagSlug = Slugs.termSlug(tag);
            if (tagSlug.isEmpty()) {
                throw f.error("tags", "tag '" + t + "' has no letters or digits");
            }
            String before = tagBySlug.putIfAbsent(tagSlug, tag);
            if (before != null && !before.equals(tag)) {
                throw f.error("tags", "tags '" + before + "' and '" + tag + "' are one tag, at /tags/" + tagSlug
                        + "/ (they differ only in case, in a Unicode normalisation form or in characters a URL"
                        + " leaves out): write it once");
            }
            if (before == null) tags.add(shared(tag));
        }
        String author = f.string("author", "").strip();
        if (!author.isEmpty() && Slugs.termSlug(author).isEmpty()) { // its page would be /authors//
            throw f.error("author", "author '" + author + "' has no letters or digits to make the author's page URL"
                    + " from: write the name, or leave 'author' out");
        }
        List<Source> sources = new ArrayList<>();
        for (Fields s : f.objects("sources")) {
            s.allowOnly(Set.of("name", "url"));
            String url = s.string("url");
            if (url != null && !Urls.isSafeLink(url)) {
                throw s.error("url", "source url must be an http(s) link, not '" + url + "'");
            }
            sources.add(new Source(s.requiredString("name").strip(), url));
        }
        return new Article(display, title, date, updated, shared(f.string("dateline", "").strip()), slug,
                keyPoints.keep(AsWritten.texts(f, "summary", f.strings("summary")).stream().map(String::strip).filter(x -> !x.isEmpty()).toList()),
                tags, tickers, sources, shared(author), f.bool("draft", false), charts(f), body,
                fm.bodyLine());
    }

    /** Names many articles repeat (tags, tickers, authors, datelines), one copy each: a large archive holds them all. */
    private static final java.util.Map<String, String> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    static String shared(String name) {
        if (SHARED.size() > 100_000) return name; // not names any more: keep the map small
        String before = SHARED.putIfAbsent(name, name);
        return before == null ? name : before;
    }

    /** Front matter {@code charts: [{type, symbols, range, title}]}. */
    private static List<ChartRequest> charts(Fields f) {
        List<ChartRequest> out = new ArrayList<>();
        for (Fields c : f.objects("charts")) {
            c.allowOnly(Set.of("type", "symbols", "range", "title"));
            List<String> symbols = new ArrayList<>();
            for (String s : c.strings("symbols")) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) symbols.add(part.strip().toUpperCase(java.util.Locale.ROOT));
                }
            }
            String type = c.requiredString("type");
            String range = c.string("range", "3M").toUpperCase(java.util.Locale.ROOT);
            String problem = ChartSpecs.problem(type, symbols, range);
            if (problem != null) throw c.error(problem.startsWith("range") ? "range" : "type", problem);
            out.add(new ChartRequest(new ChartSpec(ChartSpec.Type.parse(type), symbols, range,
                    AsWritten.text(c, "title", c.string("title", "").strip())), c.line()));
        }
        return out;
    }

    private static ZonedDateTime date(Fields f, String key, ZoneId zone, boolean required) {
        String text = required ? f.requiredString(key) : f.string(key);
        if (text == null) return null;
        try {
            return DateValues.parse(text, zone).orElseThrow(() -> f.error(key, DateProblems.why(text)
                    .map(why -> "'" + key + "' is not a real date or time: '" + text + "': " + why)
                    .orElse("'" + key + "' is not a date: '" + text
                    + "' (write 2026-01-20T06:04:00-05:00, or 2026-01-20 06:04 in the site's time zone)")));
        } catch (DateTimeException e) {
            throw f.error(key, "'" + key + "' is not a valid date: '" + text + "' (" + e.getMessage() + ")");
        }
    }
}
