package io.tickerpress.deploy;

import io.tickerpress.model.Fingerprint;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Carries out a {@link DeployPlan}: uploads phase by phase ({@link Phase}), several files at a time within a
 * phase, then deletes. A phase starts only when the one before it has fully succeeded, and deletes only when all
 * uploads have, so a failure never leaves pages that link to missing files. Whatever failed is listed with the
 * store's error; since the plan compares content hashes, running the deploy again finishes the job.
 */
final class Uploader {
    record Outcome(List<String> uploaded, long bytes, List<String> deleted, List<DeployFailure> failures) {
    }

    private final S3Client s3;
    private final DeployTarget target;
    private final int concurrency;
    private final Consumer<String> progress;

    Uploader(S3Client s3, DeployTarget target, int concurrency, Consumer<String> progress) {
        this.s3 = s3;
        this.target = target;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    Outcome run(DeployPlan plan) {
        List<String> uploaded = Collections.synchronizedList(new ArrayList<>());
        List<DeployFailure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong bytes = new AtomicLong();
        for (Phase phase : Phase.values()) {
            List<DeployPlan.Upload> batch = plan.uploads(phase);
            if (batch.isEmpty()) continue;
            progress.accept(phase.label() + ": uploading " + io.tickerpress.diag.Counts.grouped(batch.size(), "file"));
            Parallel.run(batch, concurrency, u -> {
                try {
                    long sent = put(u);
                    bytes.addAndGet(sent);
                    uploaded.add(u.file().path());
                    progress.accept("  uploaded " + u.file().path() + " (" + u.reason() + ", " + Sizes.bytes(sent) + ")");
                } catch (IOException | RuntimeException e) {
                    failures.add(new DeployFailure(u.file().path(), StoreErrors.describe(e)));
                    progress.accept("  FAILED " + u.file().path() + ": " + StoreErrors.describe(e));
                }
            });
            if (!failures.isEmpty()) {
                return new Outcome(sorted(uploaded), bytes.get(), List.of(), byPath(failures));
            }
        }
        // One DeleteObject request per file: the batch DeleteObjects call requires a checksum header that several
        // S3-compatible stores refuse (S3Proxy answers 501 NotImplemented), and a site deletes few files at a time.
        List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        List<String> deletes = plan.deletes();
        if (!deletes.isEmpty()) progress.accept("deleting " + io.tickerpress.diag.Counts.grouped(deletes.size(), "file")
                + " the site no longer has");
        Parallel.run(deletes, concurrency, path -> {
            try {
                s3.deleteObject(b -> b.bucket(target.bucket()).key(target.key(path)));
                deleted.add(path);
                progress.accept("  deleted " + path);
            } catch (RuntimeException e) {
                failures.add(new DeployFailure(path, "delete failed: " + StoreErrors.describe(e)));
                progress.accept("  FAILED " + path + ": delete failed: " + StoreErrors.describe(e));
            }
        });
        return new Outcome(sorted(uploaded), bytes.get(), sorted(deleted), byPath(failures));
    }

    /** Uploads one file with its headers and content hash; returns the bytes sent. */
    private long put(DeployPlan.Upload u) throws IOException {
        byte[] bytes = Files.readAllBytes(u.file().file());
        // The hash of the bytes read now, not of the plan: the stored hash always describes the stored content.
        String sha256 = Fingerprint.sha256(bytes);
        FileHeaders h = u.headers();
        byte[] body = h.gzip() ? gzip(bytes) : bytes;
        PutObjectRequest request = PutObjectRequest.builder().bucket(target.bucket()).key(target.key(u.file().path()))
                .contentType(h.contentType()).cacheControl(h.cacheControl()).contentEncoding(h.contentEncoding())
                .metadata(Map.of(RemoteListing.HASH_KEY, sha256)).build();
        s3.putObject(request, RequestBody.fromBytes(body));
        return body.length;
    }

    /** Gzip without a file name or time in its header: the same bytes give the same upload. */
    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static <T extends Comparable<? super T>> List<T> sorted(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    private static List<DeployFailure> byPath(List<DeployFailure> list) {
        List<DeployFailure> copy = new ArrayList<>(list);
        copy.sort(java.util.Comparator.comparing(DeployFailure::path));
        return copy;
    }
}
