package io.tickerpress.deploy;

/**
 * The HTTP headers an uploaded file is served with.
 *
 * @param contentEncoding "gzip" when the file is stored compressed, else null
 */
public record FileHeaders(String contentType, String cacheControl, String contentEncoding) {
    public boolean gzip() {
        return "gzip".equals(contentEncoding);
    }

    /** Whether a stored object's headers are these (ignoring case and spaces, which stores may change). */
    boolean sameAs(String type, String cache, String encoding) {
        return same(contentType, type) && same(cacheControl, cache) && same(contentEncoding, withoutTransfer(encoding));
    }

    /** "aws-chunked" is how a body was sent, not how it is stored; some stores report it all the same. */
    private static String withoutTransfer(String encoding) {
        if (encoding == null) return null;
        String rest = java.util.Arrays.stream(encoding.split(",")).map(String::strip)
                .filter(e -> !e.isEmpty() && !e.equalsIgnoreCase("aws-chunked"))
                .collect(java.util.stream.Collectors.joining(","));
        return rest.isEmpty() ? null : rest;
    }

    private static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s == null ? "" : s.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }
}
