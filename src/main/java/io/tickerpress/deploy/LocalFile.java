package io.tickerpress.deploy;

import java.nio.file.Path;

/**
 * One file of the built site.
 *
 * @param path site path with '/' separators, such as {@code news/2026/01/05/x/index.html}
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record LocalFile(String path, Path file, long size, String sha256) {
}
