package io.tickerpress.load;

import java.util.Locale;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads user text files strictly: UTF-8 only, a leading BOM dropped, CRLF and CR turned into LF. */
public final class TextFiles {
    private TextFiles() {
    }

    public static String read(Path file, String display, long maxBytes) {
        return decode(readBytes(file, display, maxBytes), display);
    }

    /** A file's bytes, refused past {@code maxBytes}; {@link #decode} makes them text. */
    public static byte[] readBytes(Path file, String display, long maxBytes) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputError(display, "file is " + size + " bytes, over the limit of " + maxBytes
                        + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
        } catch (IOException e) {
            throw new InputError(display, "cannot read file: " + e.getMessage());
        }
        return bytes;
    }

    public static String decode(byte[] bytes, String display) {
        // The JDK's own decoding is fast; it turns bad bytes into U+FFFD, so only a text with U+FFFD in it (bad
        // bytes, or the character itself written in the file) is decoded again strictly, to name the bad byte.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) text = strict(bytes, display);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new InputError(display, lineOf(text, text.indexOf('\0')), "contains a NUL character: is it a binary file?");
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** How to fix a file that is not UTF-8, for every message that says so. */
    public static final String SAVE_AS_UTF8 = ": save the file as UTF-8 (in most editors: Save As, encoding UTF-8)";

    private static String strict(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int offset = firstBadByte(bytes);
            throw new InputError(display, lineOfByte(bytes, offset), "is not valid UTF-8 (bad byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xff) + " at byte offset " + offset + ")"
                    + SAVE_AS_UTF8);
        } catch (CharacterCodingException e) {
            throw new InputError(display, "is not valid UTF-8: " + e.getMessage() + SAVE_AS_UTF8);
        }
        return text;
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }
}
