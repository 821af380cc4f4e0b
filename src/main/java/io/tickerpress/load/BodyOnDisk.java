package io.tickerpress.load;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.ArticleBody;
import io.tickerpress.model.Hex128;

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
 * @param keyed whether the body has a {@link #key}: the content hash of its file (32 hex digits), kept as its two
 *              halves {@code keyHigh} and {@code keyLow} ({@link Hex128}), which cost a fifth of its text
 */
record BodyOnDisk(String display, long maxBytes, int offset, int length, int hash, boolean keyed, long keyHigh,
                  long keyLow, boolean shortcodes) implements ArticleBody {
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
        return of(display, maxBytes, text.length() - body.length(), body.length(), body.hashCode(), key,
                ArticleBody.usesShortcodes(body));
    }

    /** @param key the content hash of the file (32 lowercase hex digits), or null */
    static BodyOnDisk of(String display, long maxBytes, int offset, int length, int hash, String key,
                         boolean shortcodes) {
        if (key != null && !Hex128.is(key)) throw new IllegalArgumentException("not a content hash: " + key);
        return new BodyOnDisk(display, maxBytes, offset, length, hash, key != null,
                key == null ? 0 : Hex128.high(key), key == null ? 0 : Hex128.low(key), shortcodes);
    }

    @Override
    public String key() {
        return keyed ? Hex128.text(keyHigh, keyLow) : null;
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
