package io.tickerpress.model;

/**
 * The Markdown body of an article. A large archive does not fit in memory with every body held, so a body may be
 * read again from its file each time a page needs it (see {@code io.tickerpress.load.BodyOnDisk}).
 */
public interface ArticleBody {
    /** The Markdown text after the front matter. */
    String text();

    /**
     * A key that changes whenever the text does, known without reading the text (the content hash of the file
     * it was parsed from), or null: the text itself is the key.
     */
    default String key() {
        return null;
    }

    /** Whether the text calls shortcodes ({@code {{< ... >}}}), which compute from market data. */
    default boolean shortcodes() {
        return usesShortcodes(text());
    }

    static boolean usesShortcodes(String text) {
        return text.contains("{{<");
    }

    /** A body held in memory. */
    static ArticleBody of(String text) {
        return new Held(text, null);
    }

    /** A body held in memory, with the content hash of the file it was parsed from. */
    static ArticleBody of(String text, String key) {
        return new Held(text, key);
    }

    record Held(String text, String key) implements ArticleBody {
    }
}
