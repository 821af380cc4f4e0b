package io.tickerpress.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The article order record on disk, byte for byte, as its format says (big-endian ints; strings as a length and
 * UTF-8; each name as the bytes it shares with the name before, the length of the rest and the rest; 16 bytes a
 * face and a placing; the lists; a CRC-32 of all of it last): written new, and written again after a load with two
 * new faces. The expected bytes are encoded here with DataOutputStream and java.util.zip.CRC32, not with the
 * record's writer; 5,000 articles make a record of several of the writer's 64 KiB parts.
 */
class ArticleOrderBytesTest {
    @TempDir
    Path dir;

    private static final int COUNT = 5000; // faces of 80,000 bytes: more than a part, written past the buffer

    @Test
    void theRecordIsItsFormatByteForByteNewAndAfterALoad() throws IOException {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) files.add(String.format(Locale.ROOT, "content/articles/2026-01-%02d-story-%04d.md", i % 28 + 1, i));
        byte[] faces = new byte[COUNT * 16];
        byte[] placings = new byte[COUNT * 16];
        for (int i = 0; i < faces.length; i++) {
            faces[i] = (byte) (i * 31 + 7);
            placings[i] = (byte) (i * 17 + 3);
        }
        ArticleLists lists = new ArticleLists(List.of(
                new ArticleLists.ListPage(ArticleLists.Kind.HOME, "", "", 1, 2, 0, new int[] {COUNT - 1, COUNT - 2}),
                new ArticleLists.ListPage(ArticleLists.Kind.TAG, "Россия", "tags/россия/", 2, 2, 10, new int[] {5})));
        Path output = dir.resolve("site");
        Path cache = dir.resolve("cache");
        new ArticleOrder("v7-abc", files, faces, placings, lists, null).save(cache, output);
        Path file = ArticleOrder.RECORD.file(cache, output);
        assertArrayEquals(expected(files, faces, placings), Files.readAllBytes(file));

        ArticleOrder loaded = ArticleOrder.load(cache, output).orElseThrow();
        String face0 = "00112233445566778899aabbccddeeff";
        String faceLast = "ffeeddccbbaa99887766554433221100";
        loaded.withFaces(Map.of(0, face0, COUNT - 1, faceLast)).save(cache, output);
        byte[] now = faces.clone();
        System.arraycopy(java.util.HexFormat.of().parseHex(face0), 0, now, 0, 16);
        System.arraycopy(java.util.HexFormat.of().parseHex(faceLast), 0, now, (COUNT - 1) * 16, 16);
        assertArrayEquals(expected(files, now, placings), Files.readAllBytes(file));
        assertEquals(faceLast, ArticleOrder.load(cache, output).orElseThrow().face(COUNT - 1));
    }

    private static byte[] expected(List<String> files, byte[] faces, byte[] placings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        string(out, "tickerpress article order 3");
        string(out, "v7-abc");
        out.writeInt(files.size());
        byte[] last = new byte[0];
        for (String f : files) {
            byte[] b = f.getBytes(StandardCharsets.UTF_8);
            int common = 0;
            while (common < Math.min(last.length, b.length) && last[common] == b[common]) common++;
            out.writeInt(common);
            out.writeInt(b.length - common);
            out.write(b, common, b.length - common);
            last = b;
        }
        out.write(faces);
        out.write(placings);
        out.writeInt(2); // the lists: kind, name, base, number, total, offset, items
        out.writeByte(0);
        string(out, "");
        string(out, "");
        out.writeInt(1);
        out.writeInt(2);
        out.writeInt(0);
        out.writeInt(2);
        out.writeInt(COUNT - 1);
        out.writeInt(COUNT - 2);
        out.writeByte(1);
        string(out, "Россия");
        string(out, "tags/россия/");
        out.writeInt(2);
        out.writeInt(2);
        out.writeInt(10);
        out.writeInt(1);
        out.writeInt(5);
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
