package io.tickerpress.deploy;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the store holds under the target's prefix. A listing gives keys and sizes only; the content hash that
 * TickerPress stored at upload, and the headers, come from one HEAD request per object that the site also has
 * (run in parallel). Comparing by that hash, not by ETag, stays right for multipart uploads and for stores whose
 * ETag is no MD5, and no object is ever downloaded to hash it.
 */
final class RemoteListing {
    /** User metadata key (sent as {@code x-amz-meta-tickerpress-sha256}): hex SHA-256 of the uncompressed file. */
    static final String HASH_KEY = "tickerpress-sha256";

    private RemoteListing() {
    }

    /** Every object under the prefix: site path → size. Folder placeholders (keys ending in '/') are left out. */
    static Map<String, Long> keys(S3Client s3, DeployTarget target) {
        Map<String, Long> keys = new TreeMap<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(target.bucket())
                .prefix(target.prefix().isEmpty() ? null : target.prefix()).build();
        for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
            String path = o.key().substring(target.prefix().length());
            if (path.isEmpty() || path.endsWith("/")) continue;
            keys.put(path, o.size());
        }
        return keys;
    }

    /** The stored hash and headers of these paths, read with HEAD requests on {@code concurrency} threads. */
    static Map<String, RemoteObject> describe(S3Client s3, DeployTarget target, Collection<String> paths,
                                              int concurrency) {
        Map<String, RemoteObject> out = new ConcurrentHashMap<>();
        Parallel.run(paths, concurrency, path -> {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(target.bucket()).key(target.key(path)));
            out.put(path, new RemoteObject(path, head.contentLength(), head.metadata().get(HASH_KEY),
                    head.contentType(), head.cacheControl(), head.contentEncoding()));
        });
        return new TreeMap<>(out);
    }
}
