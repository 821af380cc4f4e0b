package io.tickerpress.deploy;

/**
 * One object under the target's prefix, as the store describes it.
 *
 * @param path the key without the target's prefix
 * @param sha256 the content hash TickerPress stored with it, or null (uploaded by something else)
 */
public record RemoteObject(String path, long size, String sha256, String contentType, String cacheControl,
                           String contentEncoding) {
}
