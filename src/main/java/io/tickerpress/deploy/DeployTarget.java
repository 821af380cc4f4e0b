package io.tickerpress.deploy;

import java.net.URI;

/**
 * Where {@code tickerpress deploy} publishes: one entry of {@code deploy.targets} in site.yaml. Credentials are
 * never part of it: they come from the standard AWS sources (environment, Java system properties, the shared
 * profile files, container or instance roles).
 *
 * @param prefix key prefix, "" or ending in '/', never starting with '/'
 * @param region region name, or null to take it from AWS_REGION or the profile files
 * @param endpoint an S3-compatible store's URL, or null for Amazon S3 itself
 * @param pathStyle address buckets as {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key}
 * @param maxDeletes most remote files one deploy may delete; more stops the deploy before it changes anything
 * @param cloudFrontDistributionId a distribution whose cache of the changed paths to invalidate, or null
 */
public record DeployTarget(String name, String bucket, String prefix, String region, URI endpoint, boolean pathStyle,
                           int maxDeletes, String cloudFrontDistributionId) {
    /** Deletes allowed when neither site.yaml nor --max-deletes says otherwise. */
    public static final int DEFAULT_MAX_DELETES = 100;

    /** The key under which a site file (such as {@code news/index.html}) is stored. */
    public String key(String sitePath) {
        return prefix + sitePath;
    }

    /** {@code s3://bucket/prefix}, for messages. */
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    public DeployTarget withMaxDeletes(int n) {
        return new DeployTarget(name, bucket, prefix, region, endpoint, pathStyle, n, cloudFrontDistributionId);
    }
}
