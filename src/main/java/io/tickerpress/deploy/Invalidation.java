package io.tickerpress.deploy;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * CDN invalidation of the changed paths only, never {@code /*}: each uploaded or deleted file's URL path, and
 * for a page {@code x/index.html} also {@code x/}, the URL readers use. Paths are under the site's base path.
 */
public final class Invalidation {
    /** CloudFront accepts at most 3,000 paths in progress per distribution; batches stay well below. */
    static final int BATCH = 1000;

    private Invalidation() {
    }

    /** The URL paths to invalidate for these site paths, under {@code basePath} (such as "/" or "/markets/"). */
    public static List<String> paths(Collection<String> sitePaths, String basePath) {
        String base = basePath.endsWith("/") ? basePath : basePath + "/";
        TreeSet<String> out = new TreeSet<>();
        for (String p : sitePaths) {
            out.add(base + p);
            if (p.equals("index.html")) {
                out.add(base);
            } else if (p.endsWith("/index.html")) {
                out.add(base + p.substring(0, p.length() - "index.html".length()));
            }
        }
        return new ArrayList<>(out);
    }

    /** Sends the invalidations; returns their ids. */
    public static List<String> send(CloudFrontClient cloudFront, String distributionId, List<String> paths, String callerRef) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < paths.size(); i += BATCH) {
            List<String> batch = paths.subList(i, Math.min(paths.size(), i + BATCH));
            String ref = String.format(Locale.ROOT, "%s-%d", callerRef, i / BATCH);
            CreateInvalidationResponse r = cloudFront.createInvalidation(b -> b.distributionId(distributionId)
                    .invalidationBatch(ib -> ib.callerReference(ref)
                            .paths(p -> p.quantity(batch.size()).items(batch))));
            ids.add(r.invalidation().id());
        }
        return ids;
    }
}
