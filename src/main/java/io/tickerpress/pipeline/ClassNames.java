package io.tickerpress.pipeline;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a class file mentions: every text of its constant pool (class references, field and method types,
 * signatures, string constants) cut into the dotted or slashed names it holds, as written: a class
 * {@code org/jfree/chart/JFreeChart} (a type in a descriptor keeps its leading {@code L}), a class loaded by name
 * {@code org.x.Y}, a resource {@code /fonts/DejaVuSans.ttf}.
 * More than the classes it uses (a string constant that looks like a name is a name here), never fewer: code
 * that loads a class or resource by a literal name names it too. Only the constant pool is read.
 */
final class ClassNames {
    private ClassNames() {
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    static Set<String> of(byte[] classFile) {
        Set<String> names = new LinkedHashSet<>();
        var in = java.nio.ByteBuffer.wrap(classFile);
        try {
            if (in.getInt() != 0xCAFEBABE) throw new IllegalArgumentException("not a class file");
            in.getShort(); // minor version
            in.getShort(); // major version
            int count = Short.toUnsignedInt(in.getShort());
            for (int i = 1; i < count; i++) {
                int tag = Byte.toUnsignedInt(in.get());
                switch (tag) {
                    case 1 -> { // Utf8: modified UTF-8; names are ASCII, which it keeps as they are
                        int length = Short.toUnsignedInt(in.getShort());
                        if (length > in.remaining()) throw new IllegalArgumentException("class file cut short");
                        names(classFile, in.position(), in.position() + length, names);
                        in.position(in.position() + length);
                    }
                    case 7, 8, 16, 19, 20 -> in.getShort(); // Class, String, MethodType, Module, Package
                    case 15 -> { // MethodHandle
                        in.get();
                        in.getShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.getInt(); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                    case 5, 6 -> { // Long, Double: two entries
                        in.getLong();
                        i++;
                    }
                    default -> throw new IllegalArgumentException("unknown constant tag " + tag + " at entry " + i);
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("class file cut short", e);
        }
        return names;
    }

    /**
     * Adds the names in bytes {@code from} to {@code to}: each run of letters, digits, '_', '$', '-', '.' and '/'
     * that holds a '.' or '/' after its first character, as it is written.
     */
    private static void names(byte[] b, int from, int to, Set<String> names) {
        int start = -1;
        boolean separated = false;
        for (int i = from; i <= to; i++) {
            int c = i < to ? b[i] : ' ';
            boolean part = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
                    || c == '-' || c == '.' || c == '/';
            if (part) {
                if (start < 0) {
                    start = i;
                    separated = false;
                } else if ((c == '.' || c == '/') && i > start) {
                    separated = true;
                }
            } else if (start >= 0) {
                if (separated) {
                    String name = new String(b, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1);
                    names.add(name);
                }
                start = -1;
            }
        }
    }
}
