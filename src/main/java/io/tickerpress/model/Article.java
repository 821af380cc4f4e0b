package io.tickerpress.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One news article as written by an editor: front matter plus the Markdown body.
 *
 * <p>A build holds every article of the archive for its whole run (lists, feeds and neighbours need them), so an
 * article is kept compact: its title and slug in one array ({@link PackedStrings}), its key points likewise or on
 * disk ({@link KeyPoints}), its dates as
 * the instant and the zone (a {@code ZonedDateTime} is four objects), each accessor giving back the value as
 * written. It behaves as a record of the accessors below (equality, hash code, text).
 *
 * @param file path of the source file as shown to the user
 * @param date publication time, in the zone the article is written for
 * @param body the Markdown after the front matter, in memory or read again from the file when needed
 * @param bodyLine the line of the file on which the Markdown body starts (for messages)
 */
public final class Article {
    /** {@code updatedSecond} of an article without an update. */
    private static final long NONE = Long.MIN_VALUE;

    private final String file;
    /** The title, then the slug. */
    private final byte[] strings;
    /** The summary lines, in memory or on disk. */
    private final KeyPoints summary;
    private final long dateSecond;
    private final int dateNano;
    private final ZoneId dateZone;
    private final long updatedSecond;
    private final int updatedNano;
    private final ZoneId updatedZone;
    private final String dateline;
    private final List<String> tags;
    private final List<String> tickers;
    private final List<Source> sources;
    private final String author;
    private final boolean draft;
    private final List<ChartRequest> charts;
    private final ArticleBody body;
    private final int bodyLine;

    public Article(String file, String title, ZonedDateTime date, ZonedDateTime updated, String dateline, String slug,
                   List<String> summary, List<String> tags, List<String> tickers, List<Source> sources, String author,
                   boolean draft, List<ChartRequest> charts, ArticleBody body, int bodyLine) {
        this(file, title, date, updated, dateline, slug, KeyPoints.of(List.copyOf(summary)), tags, tickers, sources,
                author, draft, charts, body, bodyLine);
    }

    /** @param summary the key points, held in memory or on disk */
    public Article(String file, String title, ZonedDateTime date, ZonedDateTime updated, String dateline, String slug,
                   KeyPoints summary, List<String> tags, List<String> tickers, List<Source> sources, String author,
                   boolean draft, List<ChartRequest> charts, ArticleBody body, int bodyLine) {
        this.strings = PackedStrings.pack(List.of(Objects.requireNonNull(title, "title"),
                Objects.requireNonNull(slug, "slug")));
        this.summary = Objects.requireNonNull(summary, "summary");
        this.file = file;
        this.dateSecond = date.toEpochSecond();
        this.dateNano = date.getNano();
        this.dateZone = date.getZone();
        this.updatedSecond = updated == null ? NONE : updated.toEpochSecond();
        this.updatedNano = updated == null ? 0 : updated.getNano();
        this.updatedZone = updated == null ? null : updated.getZone();
        this.dateline = dateline;
        this.tags = List.copyOf(tags);
        this.tickers = List.copyOf(tickers);
        this.sources = List.copyOf(sources);
        this.author = author;
        this.draft = draft;
        this.charts = List.copyOf(charts);
        this.body = body;
        this.bodyLine = bodyLine;
    }

    public String file() {
        return file;
    }

    public String title() {
        return PackedStrings.get(strings, 0);
    }

    /** The same date-time as written: an instant and its zone give back its local time and offset. */
    public ZonedDateTime date() {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(dateSecond, dateNano), dateZone);
    }

    /**
     * The publication time's second since the epoch: {@code date().toEpochSecond()} without making the date-time
     * (its zone's rules are looked up each time one is made), for ordering articles.
     */
    public long dateEpochSecond() {
        return dateSecond;
    }

    /** The publication time's nanosecond within its second: {@code date().getNano()}, likewise. */
    public int dateNano() {
        return dateNano;
    }

    public ZonedDateTime updated() {
        if (updatedSecond == NONE) return null;
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(updatedSecond, updatedNano), updatedZone);
    }

    /** When the article last changed: its update when it has one, else its publication (as an instant). */
    public Instant lastChanged() {
        return updatedSecond == NONE ? Instant.ofEpochSecond(dateSecond, dateNano)
                : Instant.ofEpochSecond(updatedSecond, updatedNano);
    }

    public String dateline() {
        return dateline;
    }

    public String slug() {
        return PackedStrings.get(strings, 1);
    }

    /** The key points; read from disk when they are kept there: ask once per use. */
    public List<String> summary() {
        return summary.lines();
    }

    public List<String> tags() {
        return tags;
    }

    public List<String> tickers() {
        return tickers;
    }

    public List<Source> sources() {
        return sources;
    }

    public String author() {
        return author;
    }

    public boolean draft() {
        return draft;
    }

    public List<ChartRequest> charts() {
        return charts;
    }

    public ArticleBody body() {
        return body;
    }

    public int bodyLine() {
        return bodyLine;
    }

    private List<Object> components() {
        return java.util.Arrays.asList(file, title(), date(), updated(), dateline, slug(), summary(), tags, tickers,
                sources, author, draft, charts, body, bodyLine);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Article other && components().equals(other.components());
    }

    @Override
    public int hashCode() {
        return components().hashCode();
    }

    @Override
    public String toString() {
        return "Article[file=" + file + ", title=" + title() + ", date=" + date() + ", updated=" + updated()
                + ", dateline=" + dateline + ", slug=" + slug() + ", summary=" + summary() + ", tags=" + tags
                + ", tickers=" + tickers + ", sources=" + sources + ", author=" + author + ", draft=" + draft
                + ", charts=" + charts + ", body=" + body + ", bodyLine=" + bodyLine + "]";
    }
}
