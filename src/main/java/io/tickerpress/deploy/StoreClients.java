package io.tickerpress.deploy;

import io.tickerpress.diag.InputError;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.time.Duration;

/**
 * Makes the SDK clients for a target: the JDK's HTTP client (one client library, a small jar), credentials
 * from the SDK's default chain only (environment, Java system properties, {@code ~/.aws} profile files,
 * container and instance roles), and the region from the target, else AWS_REGION or the profile.
 *
 * <p>Since SDK 2.30 every upload carries a CRC32 checksum by default, which several S3-compatible stores reject
 * (aws-sdk-java-v2#5801). For a target with an {@code endpoint}, checksums are calculated and validated only
 * when the operation requires them, and bodies are sent whole rather than in signed {@code aws-chunked} parts
 * (some stores keep "aws-chunked" in the object's Content-Encoding).
 */
public final class StoreClients {
    /** Used for S3-compatible stores when no region is configured: most ignore it but the signature needs one. */
    static final Region COMPATIBLE_DEFAULT = Region.US_EAST_1;

    private StoreClients() {
    }

    public static S3Client s3(DeployTarget target) {
        S3ClientBuilder b = S3Client.builder()
                .httpClient(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(region(target))
                .forcePathStyle(target.pathStyle());
        if (target.endpoint() != null) {
            b.endpointOverride(target.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        }
        return b.build();
    }

    /** CloudFront is global: its API lives in us-east-1 whatever the bucket's region. */
    public static CloudFrontClient cloudFront() {
        return CloudFrontClient.builder().httpClient(http())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(Region.AWS_GLOBAL).build();
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60)).build();
    }

    /** The target's region, else AWS_REGION (or aws.region), else the profile's; never asks the instance metadata. */
    static Region region(DeployTarget target) {
        if (target.region() != null) return Region.of(target.region());
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (RuntimeException e) {
            if (target.endpoint() != null) return COMPATIBLE_DEFAULT;
            throw new InputError("content/site.yaml", "deploy target '" + target.name() + "' has no 'region', and"
                    + " neither AWS_REGION nor the AWS profile names one: add e.g. 'region: us-east-1' to the target");
        }
    }
}
