package io.tickerpress.deploy;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real S3 API server in the test JVM: S3Proxy over jclouds' in-memory ("transient") blob store, on a free
 * loopback port, with AWS v4 authentication. A fault hook makes the store fail every upload after the first N,
 * as a store that goes down mid-deploy would; the server also records the order of the uploads it received.
 */
final class S3TestServer implements AutoCloseable {
    static final String ACCESS_KEY = "tickerpress-test";
    static final String SECRET_KEY = "tickerpress-test-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    /** Uploads accepted, in the order the server stored them (bucket/key). */
    final List<String> puts = new CopyOnWriteArrayList<>();
    private final AtomicInteger putsBeforeFault = new AtomicInteger(-1);

    S3TestServer() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        BlobStore store = new ForwardingBlobStore(context.getBlobStore()) {
            @Override
            public String putBlob(String container, Blob blob) {
                return putBlob(container, blob, PutOptions.NONE);
            }

            @Override
            public String putBlob(String container, Blob blob, PutOptions options) {
                if (putsBeforeFault.get() == 0) {
                    throw new IllegalStateException("injected fault: the store is down");
                }
                putsBeforeFault.updateAndGet(n -> n > 0 ? n - 1 : n);
                String etag = delegate().putBlob(container, blob, options);
                puts.add(container + "/" + blob.getMetadata().getName());
                return etag;
            }
        };
        proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
    }

    /** From now on, accept {@code n} more uploads and then fail every one until {@link #heal()}. */
    void failUploadsAfter(int n) {
        putsBeforeFault.set(n);
    }

    void heal() {
        putsBeforeFault.set(-1);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A client of the test's own, to set up buckets and read back what deploy stored. */
    S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .chunkedEncodingEnabled(false).build())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    DeployTarget target(String bucket, String prefix) {
        return new DeployTarget("test", bucket, prefix, "us-east-1", endpoint(), true, DeployTarget.DEFAULT_MAX_DELETES,
                null);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
