package io.tickerpress.model;

/**
 * The Markdown body of an article. A large archive does not fit in memory with every body held, so a body may be
 * read again from its file each time a page needs it (see {@code io.tickerpress.load.BodyOnDisk}).
 */
public interface ArticleBody {
    /** The Markdown text after the front matter. */
    String text();

    /** A body held in memory. */
    static ArticleBody of(String text) {
        return new Held(text);
    }

    record Held(String text) implements ArticleBody {
    }
}
