package io.tickerpress.render;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fingerprints of page inputs: a 128-bit hash (two independent 64-bit multiply-xorshift lanes) of their text.
 * View records print all their parts, so their text is a faithful key. This is not a defence against an
 * attacker crafting collisions (page content is the site's own); it only has to notice edits, and a cheap
 * hash keeps incremental builds of large sites fast.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String... parts) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL;
        for (String p : parts) {
            String s = String.valueOf(p);
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                a = (a ^ c) * 0x100000001B3L;
                b = (b + c) * 0xFF51AFD7ED558CCDL;
                b ^= b >>> 29;
            }
            a = mix(a ^ n);
            b = mix(b + 0x632BE59BD9B4E019L + n);
        }
        return String.format(Locale.ROOT, "%016x%016x", mix(a), mix(b ^ a));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** A model's text in key order, whatever map the model is. */
    public static String model(Map<String, Object> model) {
        return new TreeMap<>(model).toString();
    }
}
