package io.tickerpress.deploy;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.Fields;
import io.tickerpress.load.LocatedTree;
import io.tickerpress.load.TextFiles;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code deploy:} section of {@code content/site.yaml}. */
public final class DeployConfigLoader {
    private static final Set<String> FIELDS = Set.of("targets", "matchers", "concurrency");
    private static final Set<String> TARGET_FIELDS = Set.of("name", "bucket", "prefix", "region", "endpoint",
            "pathStyle", "maxDeletes", "cloudFrontDistributionId");
    private static final Set<String> MATCHER_FIELDS = Set.of("pattern", "cacheControl", "contentType", "gzip");
    /** Fields that would put a secret into a file that is usually committed. */
    private static final Set<String> SECRETS = Set.of("accessKey", "accessKeyId", "secretKey", "secretAccessKey",
            "sessionToken", "credentials", "password");

    private DeployConfigLoader() {
    }

    public static DeployConfig load(Path contentDir) {
        Path file = contentDir.resolve("site.yaml");
        String display = Diagnostics.display(file);
        if (!Files.isRegularFile(file)) {
            throw new InputError(display, "site configuration not found: create content/site.yaml with a 'deploy:' section");
        }
        Fields root = LocatedTree.yaml(TextFiles.read(file, display, 1 << 20), display, 0).root();
        Fields f = root.object("deploy");
        if (f == null) {
            throw new InputError(display, "no 'deploy:' section: add one with at least one target, e.g.\n"
                    + "deploy:\n  targets:\n    - name: production\n      bucket: my-news-site\n      region: us-east-1");
        }
        f.allowOnly(FIELDS);
        List<DeployTarget> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Fields t : f.objects("targets")) {
            for (String secret : SECRETS) {
                if (t.has(secret)) {
                    throw t.error(secret, "credentials do not belong in site.yaml: remove '" + secret + "' and set"
                            + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use a profile (AWS_PROFILE)");
                }
            }
            t.allowOnly(TARGET_FIELDS);
            DeployTarget target = target(t);
            if (!names.add(target.name())) {
                throw t.error("name", "two deploy targets are named '" + target.name() + "': give each its own name");
            }
            targets.add(target);
        }
        List<HeaderRules.Rule> rules = new ArrayList<>();
        for (Fields m : f.objects("matchers")) {
            m.allowOnly(MATCHER_FIELDS);
            String pattern = m.requiredString("pattern");
            try {
                Glob.of(pattern);
            } catch (IllegalArgumentException e) {
                throw m.error("pattern", "pattern '" + pattern + "' is not valid: " + e.getMessage());
            }
            rules.add(new HeaderRules.Rule(pattern, m.string("cacheControl"), m.string("contentType"),
                    m.has("gzip") ? m.bool("gzip", false) : null));
        }
        if (targets.isEmpty()) {
            throw f.error("targets", "'deploy.targets' must list at least one target with a 'name' and a 'bucket'");
        }
        return new DeployConfig(List.copyOf(targets), new HeaderRules(rules),
                f.integer("concurrency", DeployConfig.DEFAULT_CONCURRENCY, 1, 64));
    }

    private static DeployTarget target(Fields t) {
        String name = t.requiredString("name");
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw t.error("name", "target name '" + name + "' may hold only letters, digits, '-', '_' and '.'");
        }
        String bucket = t.requiredString("bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw t.error("bucket", "'" + bucket + "' is not a bucket name: 3 to 63 lower-case letters, digits, '.'"
                    + " and '-', starting and ending with a letter or digit");
        }
        String prefix = t.string("prefix", "").strip();
        while (prefix.startsWith("/")) prefix = prefix.substring(1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix += "/";
        if (prefix.contains("//") || prefix.contains("\\") || ("/" + prefix).contains("/../") || ("/" + prefix).contains("/./")) {
            throw t.error("prefix", "'prefix' must be a folder path such as 'www/' without '.', '..', '\\' or '//'");
        }
        URI endpoint = null;
        String endpointText = t.string("endpoint");
        if (endpointText != null) {
            try {
                endpoint = new URI(endpointText.strip());
            } catch (URISyntaxException e) {
                endpoint = null;
            }
            if (endpoint == null || endpoint.getHost() == null
                    || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw t.error("endpoint", "'endpoint' must be an http(s) URL such as http://127.0.0.1:9000, not '"
                        + endpointText + "'");
            }
        }
        String region = t.string("region");
        return new DeployTarget(name, bucket, prefix, region == null || region.isBlank() ? null : region.strip(),
                endpoint, t.bool("pathStyle", endpoint != null),
                t.integer("maxDeletes", DeployTarget.DEFAULT_MAX_DELETES, -1, Integer.MAX_VALUE),
                t.string("cloudFrontDistributionId"));
    }
}
