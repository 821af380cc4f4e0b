package io.tickerpress.load;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.ArticleBody;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An article body that is not held in memory: read again from its file when a page needs it, and checked to be
 * the text that was parsed (its length and hash), so that a page never pairs one version's front matter with
 * another's body.
 *
 * @param display the file's name as shown to the user ({@code Diagnostics.display}), which is also its path from the
 *                working folder (or absolute): a large archive holds one per article, and a {@link Path} costs more
 * @param offset where the body starts in the file's text (after the front matter)
 */
record BodyOnDisk(String display, long maxBytes, int offset, int length, int hash, String key,
                  boolean shortcodes) implements ArticleBody {
    /**
     * Bodies held in memory, in characters, across the process: an eighth of the heap. A site whose bodies fit
     * is built from memory as before; beyond that, bodies stay on disk, so the heap a build needs does not grow
     * with the length of the archive's articles.
     */
    private static final AtomicLong HELD_BUDGET = new AtomicLong(Runtime.getRuntime().maxMemory() / 8);

    /** The body of {@code text} (whose body is its suffix {@code body}), held while the budget lasts. */
    static ArticleBody of(String display, long maxBytes, String text, String body, String key) {
        if (HELD_BUDGET.addAndGet(-body.length()) >= 0) return ArticleBody.of(body, key);
        return onDisk(display, maxBytes, text, body, key);
    }

    static BodyOnDisk onDisk(String display, long maxBytes, String text, String body, String key) {
        return new BodyOnDisk(display, maxBytes, text.length() - body.length(), body.length(), body.hashCode(),
                key, ArticleBody.usesShortcodes(body));
    }

    @Override
    public String text() {
        String all = TextFiles.read(Path.of(display), display, maxBytes);
        String body = all.length() - offset == length ? all.substring(offset) : null;
        if (body == null || body.hashCode() != hash) {
            throw new InputError(display, "changed while the build was reading it: build again once the file is saved");
        }
        return body;
    }
}
