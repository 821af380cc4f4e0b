package io.tickerpress.importer;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A provider's file as text: gzip is unpacked (recognised by its magic bytes, whatever the name), a byte-order mark
 * is dropped, and what providers send instead of data is refused up front: an empty file, or an HTML page (a login
 * or bot-check page served with status 200 and saved under the CSV's name).
 */
public final class ProviderFile {
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    private final String display;
    private final String text;
    private final List<String> lines;

    ProviderFile(String display, String text) {
        this.display = display;
        this.text = text;
        this.lines = text.lines().toList();
    }

    public static ProviderFile read(Path file, long maxBytes) {
        String display = Diagnostics.display(file);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputError(display, "file is " + size + " bytes, over the limit of " + maxBytes + " bytes");
            }
            bytes = Files.readAllBytes(file);
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                }
                if (bytes.length > maxBytes) {
                    throw new InputError(display, "unpacks to more than the limit of " + maxBytes + " bytes");
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InputError(display, "is a damaged gzip file (" + e.getMessage() + "): download it again");
        } catch (IOException e) {
            throw new InputError(display, "cannot read file: " + e.getMessage());
        }
        return of(display, bytes);
    }

    static ProviderFile of(String display, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputError(display, "is not text (not valid UTF-8): expected a provider's CSV or JSON download");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) {
            throw new InputError(display, 1, "file is empty: the download gave no data (check the symbol and the"
                    + " date range at the provider, then download again)");
        }
        String start = text.stripLeading();
        String lower = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<head")
                || lower.startsWith("<body") || (lower.startsWith("<") && text.toLowerCase(Locale.ROOT).contains("<html"))) {
            Matcher m = TITLE.matcher(text);
            String title = m.find() ? " titled '" + m.group(1).strip().replaceAll("\\s+", " ") + "'" : "";
            int line = 1 + (int) text.substring(0, text.length() - start.length()).chars().filter(c -> c == '\n').count();
            throw new InputError(display, line, "is an HTML page" + title + ", not market data: the provider sent a web"
                    + " page (a login, cookie or bot-check page) instead of the file; sign in or open the download"
                    + " link in a browser, then save the CSV again");
        }
        return new ProviderFile(display, text);
    }

    public String display() {
        return display;
    }

    public String text() {
        return text;
    }

    /** The lines of the file; line {@code n} (1-based) is {@code lines().get(n - 1)}. */
    public List<String> lines() {
        return lines;
    }

    /** The first line that is not blank, as it was written (for format detection and messages). */
    public String firstLine() {
        for (String l : lines) {
            if (!l.isBlank()) return l.strip();
        }
        return "";
    }

    /** The first non-blank line's number (1-based). */
    public int firstLineNumber() {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) return i + 1;
        }
        return 1;
    }
}
