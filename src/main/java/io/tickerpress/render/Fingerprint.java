package io.tickerpress.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 fingerprints of page inputs. View records print all their parts, so their text is a faithful key. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String... parts) {
        MessageDigest sha = sha256();
        for (String p : parts) {
            sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 20);
    }

    /** A model's text in key order, whatever map the model is. */
    public static String model(Map<String, Object> model) {
        return new TreeMap<>(model).toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
