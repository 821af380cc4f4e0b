package io.tickerpress.model;

/**
 * Fingerprints of page inputs: a 128-bit hash (two independent 64-bit multiply-xorshift lanes) of their text.
 * View records print all their parts, so their text is a faithful key. This is not a defence against an
 * attacker crafting collisions (page content is the site's own); it only has to notice edits, and a cheap
 * hash keeps incremental builds of large sites fast.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** Each thread's copy of the text being hashed (pages are fingerprinted by the thousand). */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[1024]);

    public static String of(String... parts) {
        Parts hash = new Parts();
        for (String p : parts) hash.add(p);
        return hash.hex();
    }

    /**
     * {@link #of} taken part by part: the same fingerprint as {@code of} of the same parts, for texts of many
     * parts (every page of a site) that need not be joined into one string first.
     */
    public static final class Parts {
        private long a = A0;
        private long b = 0xC2B2AE3D27D4EB4FL;

        public Parts add(String part) {
            String s = String.valueOf(part);
            int n = s.length();
            char[] chars = BUFFER.get();
            if (n > chars.length) {
                chars = new char[Math.max(n, chars.length * 2)];
                if (chars.length <= 1 << 16) BUFFER.set(chars); // long texts are rare
            }
            s.getChars(0, n, chars, 0); // one copy, then a plain loop: charAt checks every index
            long a = this.a;
            long b = this.b;
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                a = (a ^ c) * 0x100000001B3L;
                b = (b + c) * 0xFF51AFD7ED558CCDL;
                b ^= b >>> 29;
            }
            this.a = mix(a ^ n);
            this.b = mix(b + 0x632BE59BD9B4E019L + n);
            return this;
        }

        /**
         * Bytes, each as one char (U+0000 to U+00FF): the same as {@link #add(String)} of the bytes read as
         * ISO-8859-1, without making that text. For whole input files, whose content hash this is.
         */
        public Parts add(byte[] bytes) {
            int n = bytes.length;
            long a = this.a;
            long b = this.b;
            for (int i = 0; i < n; i++) {
                int c = bytes[i] & 0xFF;
                a = (a ^ c) * 0x100000001B3L;
                b = (b + c) * 0xFF51AFD7ED558CCDL;
                b ^= b >>> 29;
            }
            this.a = mix(a ^ n);
            this.b = mix(b + 0x632BE59BD9B4E019L + n);
            return this;
        }

        /** A number, as four 16-bit parts (as if a text of four chars). */
        public Parts add(long v) {
            long a = this.a;
            long b = this.b;
            for (int i = 0; i < 4; i++) {
                char c = (char) (v >>> (16 * i));
                a = (a ^ c) * 0x100000001B3L;
                b = (b + c) * 0xFF51AFD7ED558CCDL;
                b ^= b >>> 29;
            }
            this.a = mix(a ^ 4);
            this.b = mix(b + 0x632BE59BD9B4E019L + 4);
            return this;
        }

        /** The first 64 bits of {@link #hex}. */
        public long high() {
            return mix(a);
        }

        /** The last 64 bits of {@link #hex}. */
        public long low() {
            return mix(b ^ a);
        }

        /** 32 hex digits. */
        public String hex() {
            return HEX.toHexDigits(mix(a)) + HEX.toHexDigits(mix(b ^ a));
        }
    }

    private static final long A0 = 0x9E3779B97F4A7C15L;

    /**
     * {@link Parts#high} of {@code new Parts().add(prefix)} for each prefix of {@code s} that ends before a
     * {@code separator} (each folder of a path, at its '/'), in one pass over {@code s}: the first lane of
     * {@link Parts} as it stands at each separator.
     */
    public static void prefixes(String s, char separator, java.util.function.LongConsumer each) {
        long a = A0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == separator) each.accept(mix(mix(a ^ i)));
            a = (a ^ c) * 0x100000001B3L;
        }
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /**
     * A SHA-256 over named byte blocks, for whole files (templates, the generator's own code): unlike
     * {@link #of}, it reads bytes, and each block is framed by its name and length so that no two different
     * sets of files give the same input.
     */
    public static final class Files {
        private final java.security.MessageDigest sha;

        public Files() {
            try {
                sha = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public Files add(String name, byte[] bytes) {
            text(name);
            sha.update(java.nio.ByteBuffer.allocate(8).putLong(bytes.length).array());
            sha.update(bytes);
            return this;
        }

        public Files text(String s) {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            sha.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
            sha.update(b);
            return this;
        }

        /** The first 128 bits, in hex. */
        public String hex() {
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
        }
    }

    /**
     * The SHA-256 of a file's bytes, in lower-case hex (what {@code sha256sum} prints): the content hash that
     * {@code tickerpress deploy} stores with each uploaded object to tell changed files from unchanged ones.
     */
    public static String sha256(java.nio.file.Path file) throws java.io.IOException {
        java.security.MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** {@link #sha256(java.nio.file.Path)} of bytes already read. */
    public static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
