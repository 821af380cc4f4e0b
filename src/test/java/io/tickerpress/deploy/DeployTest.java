package io.tickerpress.deploy;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickerpress deploy} against a real S3 API server (S3Proxy, in this JVM, in-memory store): the sample
 * site is built once, then deployed to fresh buckets; every check reads back what the server stored.
 */
class DeployTest {
    @TempDir
    static Path dir;
    static S3TestServer server;
    static S3Client s3;
    static Path src;
    static Path site;
    /** The built site as the test reads it itself: site path → bytes (marker file left out). */
    static Map<String, byte[]> files;
    static final AtomicInteger BUCKETS = new AtomicInteger();

    @BeforeAll
    static void buildAndStart() throws Exception {
        server = new S3TestServer();
        s3 = server.client();
        src = dir.resolve("src");
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        site = dir.resolve("site");
        build(src, site);
        files = siteFiles(site);
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) s3.close();
        if (server != null) server.close();
    }

    /** Builds with the test clock and one chart cache for all builds here: charts are drawn once. */
    static void build(Path source, Path output) {
        io.tickerpress.pipeline.SiteBuilder.build(TestSites.options(source, output).withCacheDir(dir.resolve("cache")));
    }

    static Map<String, byte[]> siteFiles(Path output) {
        Map<String, byte[]> all = new TreeMap<>(TestSites.snapshot(output));
        all.remove(".tickerpress-site");
        return all;
    }

    static String newBucket() {
        String name = "deploy-test-" + BUCKETS.incrementAndGet();
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    static DeployResult deploy(DeployTarget target, Path output, Deployer.Options options, HeaderRules rules,
                               List<String> log) {
        return new Deployer(s3, target, new DeployConfig(List.of(target), rules, 4), log::add).deploy(output, options);
    }

    static DeployResult deploy(DeployTarget target, Path output) {
        return deploy(target, output, Deployer.Options.defaults(), HeaderRules.defaults(), new ArrayList<>());
    }

    /** Every key in a bucket with its ETag: a fingerprint of the store's state. */
    static Map<String, String> state(String bucket) {
        Map<String, String> out = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            out.put(o.key(), o.eTag() + " " + o.size());
        }
        return out;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The remote holds exactly the site's files, byte for byte, each with the SHA-256 of its bytes. */
    static void assertMirrors(String bucket, String prefix, Map<String, byte[]> expected) throws Exception {
        Map<String, String> remote = state(bucket);
        Set<String> keys = expected.keySet().stream().map(k -> prefix + k).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(keys, remote.keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new)));
        for (var e : expected.entrySet()) {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + e.getKey()));
            assertArrayEquals(e.getValue(), got.asByteArray(), e.getKey());
            assertEquals(sha256(e.getValue()), got.response().metadata().get("tickerpress-sha256"), e.getKey());
        }
    }

    /** Content types by extension, from the media type registrations (RFC 9239 for JavaScript). */
    static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json", "xml", "application/xml; charset=utf-8",
            "png", "image/png", "svg", "image/svg+xml", "txt", "text/plain; charset=utf-8",
            "bin", "application/octet-stream");

    @Test
    void firstDeployUploadsEverythingWithHeadersInOrderAndASecondUploadsNothing() throws Exception {
        String bucket = newBucket();
        DeployTarget target = server.target(bucket, "");
        server.puts.clear();
        DeployResult first = deploy(target, site);
        assertEquals(DeployResult.Status.DONE, first.status());
        assertEquals(files.keySet(), new TreeSet<>(first.uploaded()));
        assertEquals(files.values().stream().mapToLong(b -> b.length).sum(), first.bytes());
        assertMirrors(bucket, "", files);

        for (String path : files.keySet()) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(path));
            String ext = path.substring(path.lastIndexOf('.') + 1);
            assertTrue(TYPES.containsKey(ext), "the test knows every kind of file the build writes: " + path);
            // Stores may drop the space before "charset" (S3Proxy does); the type and charset are what count.
            assertEquals(TYPES.get(ext).replace(" ", ""), head.contentType().replace(" ", ""), path);
            // Charts and the search index's files (but its manifest) are named by a hash of their content: cache
            // for a year. Everything else keeps its name.
            boolean hashed = path.startsWith("charts/") || path.matches("search/[0-9a-f]{12}(\\.bin|-[0-9]+\\.json)");
            String cache = hashed ? "public, max-age=31536000, immutable" : "public, max-age=300";
            assertEquals(cache, head.cacheControl(), path);
            assertEquals(null, head.contentEncoding(), path);
        }

        // Upload order as the server received it: what pages show, then pages, then what lists pages.
        List<String> order = server.puts.stream().map(p -> p.substring(bucket.length() + 1)).toList();
        assertEquals(files.size(), order.size());
        int lastAsset = -1;
        int firstPage = Integer.MAX_VALUE;
        int lastPage = -1;
        int firstIndex = Integer.MAX_VALUE;
        for (int i = 0; i < order.size(); i++) {
            String p = order.get(i);
            boolean page = p.endsWith(".html");
            boolean index = p.endsWith(".xml") || p.equals("robots.txt") || p.equals("search/manifest.json");
            if (page) {
                firstPage = Math.min(firstPage, i);
                lastPage = i;
            } else if (index) {
                firstIndex = Math.min(firstIndex, i);
            } else {
                lastAsset = i;
            }
        }
        assertTrue(lastAsset < firstPage && lastPage < firstIndex, "order: assets, pages, feeds: " + order);
        assertTrue(order.contains("sitemap.xml") && order.contains("charts/" + files.keySet().stream()
                .filter(k -> k.startsWith("charts/")).findFirst().orElseThrow().substring(7)));

        DeployResult again = deploy(target, site);
        assertEquals(List.of(), again.uploaded());
        assertEquals(List.of(), again.deleted());
        assertEquals(files.size(), again.plan().unchanged());
    }

    @Test
    void editedArticleUploadsExactlyTheChangedFilesAndADeletedArticleIsDeletedRemotely() throws Exception {
        Path src2 = dir.resolve("src-edit");
        TestSites.copyTree(src.resolve("content"), src2.resolve("content"));
        Path out = dir.resolve("site-edit");
        build(src2, out);
        Map<String, byte[]> before = siteFiles(out);
        String bucket = newBucket();
        DeployTarget target = server.target(bucket, "www/");
        assertEquals(before.size(), deploy(target, out).uploaded().size());

        Path article = src2.resolve("content/articles/2026-01-14-jpmorgan-earnings.md");
        Files.writeString(article, Files.readString(article) + "\nAn added closing sentence for the deploy test.\n");
        build(src2, out);
        Map<String, byte[]> after = siteFiles(out);
        // The independent expectation: every path whose bytes differ between the two builds, or that is new.
        Set<String> changed = new TreeSet<>();
        after.forEach((k, v) -> {
            if (!before.containsKey(k) || !Arrays.equals(before.get(k), v)) changed.add(k);
        });
        assertFalse(changed.isEmpty());
        assertTrue(changed.size() < after.size() / 4, "one edit changes few files: " + changed);
        assertTrue(changed.contains("news/2026/01/14/jpmorgan-earnings/index.html"), changed.toString());
        List<String> log = new ArrayList<>();
        DeployResult edit = deploy(target, out, Deployer.Options.defaults(), HeaderRules.defaults(), log);
        assertEquals(DeployResult.Status.DONE, edit.status(), edit.failures().toString());
        assertEquals(changed, new TreeSet<>(edit.uploaded()), String.join("\n", log));
        assertEquals(after.size() - changed.size(), edit.plan().unchanged());
        assertMirrors(bucket, "www/", after);

        String page = "news/2026/01/15/apple-lags/index.html";
        assertTrue(after.containsKey(page));
        Files.delete(src2.resolve("content/articles/2026-01-15-apple-lags.md"));
        build(src2, out);
        Map<String, byte[]> removed = siteFiles(out);
        Set<String> gone = new TreeSet<>(after.keySet());
        gone.removeAll(removed.keySet());
        assertTrue(gone.contains(page), gone.toString());
        DeployResult delete = deploy(target, out);
        assertEquals(DeployResult.Status.DONE, delete.status(), delete.failures().toString());
        assertEquals(gone, new TreeSet<>(delete.deleted()));
        assertFalse(state(bucket).containsKey("www/" + page));
        assertMirrors(bucket, "www/", removed);
    }

    @Test
    void maxDeletesStopsADeployPointedAtTheWrongPrefix() throws Exception {
        String bucket = newBucket();
        deploy(server.target(bucket, "archive/"), site);
        Map<String, String> before = state(bucket);
        // Pointed at the bucket's root, the site would delete every file of the one under archive/.
        DeployTarget wrong = server.target(bucket, "");
        DeployResult r = deploy(wrong, site);
        assertEquals(DeployResult.Status.TOO_MANY_DELETES, r.status());
        assertEquals(files.size(), r.plan().deletes().size());
        assertEquals(List.of(), r.uploaded());
        assertEquals(before, state(bucket), "nothing changed");
        String message = Deployer.tooManyDeletes(wrong, r.plan(), wrong.maxDeletes());
        assertTrue(message.contains(String.format(java.util.Locale.ROOT, "delete %,d files", files.size())), message);
        assertTrue(message.contains("--max-deletes"), message);
    }

    @Test
    void aStoreFailureMidwayLeavesAStateTheNextDeployCompletes() throws Exception {
        String bucket = newBucket();
        DeployTarget target = server.target(bucket, "");
        long assets = files.keySet().stream().filter(k -> Phase.of(k) == Phase.ASSETS).count();
        assertTrue(assets > 40);
        server.failUploadsAfter(40);
        DeployResult broken;
        try {
            broken = deploy(target, site);
        } finally {
            server.heal();
        }
        assertEquals(DeployResult.Status.FAILED, broken.status());
        assertEquals(40, broken.uploaded().size());
        assertFalse(broken.failures().isEmpty());
        DeployFailure f = broken.failures().get(0);
        assertTrue(files.containsKey(f.path()), f.toString());
        assertTrue(f.error().matches(".*\\(HTTP [45]\\d\\d\\)$"), "the store's answer is named: " + f);
        // The failure came in the first phase: no page went up to link to the missing files.
        assertTrue(state(bucket).keySet().stream().noneMatch(k -> k.endsWith(".html") || k.endsWith(".xml")));

        DeployResult rerun = deploy(target, site);
        assertEquals(DeployResult.Status.DONE, rerun.status());
        Set<String> both = new TreeSet<>(broken.uploaded());
        both.addAll(rerun.uploaded());
        assertEquals(files.keySet(), both);
        assertEquals(files.size() - 40, rerun.uploaded().size(), "the re-run uploads only what is missing");
        assertMirrors(bucket, "", files);
        assertEquals(List.of(), deploy(target, site).uploaded());
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("stale.html").contentType("text/html"), software.amazon.awssdk.core.sync.RequestBody.fromString("old"));
        Map<String, String> before = state(bucket);
        List<String> log = new ArrayList<>();
        DeployResult r = deploy(server.target(bucket, ""), site, new Deployer.Options(true, false, null, null),
                HeaderRules.defaults(), log);
        assertEquals(DeployResult.Status.DRY_RUN, r.status());
        assertEquals(files.size(), r.plan().uploads().size());
        assertEquals(List.of("stale.html"), r.plan().deletes());
        assertEquals(before, state(bucket));
        assertTrue(log.contains("delete stale.html"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("upload sitemap.xml (new")), log.toString());
    }

    @Test
    void matchersSetHeadersAndGzipAndAHeaderChangeIsUploadedAgain() throws Exception {
        String bucket = newBucket();
        DeployTarget target = server.target(bucket, "");
        HeaderRules rules = new HeaderRules(List.of(new HeaderRules.Rule("**.html", "no-cache", null, true),
                new HeaderRules.Rule("assets/*.{css,js}", "public, max-age=600", null, null)));
        deploy(target, site, Deployer.Options.defaults(), rules, new ArrayList<>());
        HeadObjectResponse page = s3.headObject(b -> b.bucket(bucket).key("index.html"));
        assertEquals("no-cache", page.cacheControl());
        assertEquals("gzip", page.contentEncoding());
        assertEquals("text/html;charset=utf-8", page.contentType().replace(" ", ""));
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key("index.html")).asByteArray();
        assertArrayEquals(files.get("index.html"), new GZIPInputStream(new ByteArrayInputStream(stored)).readAllBytes());
        assertEquals("public, max-age=600", s3.headObject(b -> b.bucket(bucket).key("assets/style.css")).cacheControl());
        assertEquals("public, max-age=300", s3.headObject(b -> b.bucket(bucket).key("assets/favicon.svg")).cacheControl());

        // Same files, default rules: only the files whose headers change go up again.
        long affected = files.keySet().stream().filter(k -> k.endsWith(".html") || k.matches("assets/[^/]+\\.(css|js)"))
                .count();
        DeployResult r = deploy(target, site);
        assertEquals(affected, r.uploaded().size());
        assertEquals(null, s3.headObject(b -> b.bucket(bucket).key("index.html")).contentEncoding());
        assertMirrors(bucket, "", files);
    }

    @Test
    void theCommandLineDeploysWithCredentialsFromTheStandardSources() throws Exception {
        String bucket = newBucket();
        Path cliSrc = dir.resolve("src-cli");
        Files.createDirectories(cliSrc.resolve("content"));
        Files.writeString(cliSrc.resolve("content/site.yaml"), Files.readString(src.resolve("content/site.yaml"))
                + "\ndeploy:\n  targets:\n    - name: local\n      bucket: " + bucket + "\n      endpoint: "
                + server.endpoint() + "\n      pathStyle: true\n      prefix: site/\n");
        // Java system properties are one of the SDK's standard credential sources.
        Map<String, String> props = Map.of("aws.accessKeyId", S3TestServer.ACCESS_KEY, "aws.secretAccessKey",
                S3TestServer.SECRET_KEY, "aws.region", "us-east-1", "aws.disableEc2Metadata", "true");
        props.forEach(System::setProperty);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("deploy", "--source", cliSrc.toString(), "--site", site.toString(), "--dry-run");
            assertEquals(0, code, err.toString());
            assertTrue(state(bucket).isEmpty());
            out.getBuffer().setLength(0);
            code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("deploy", "--source", cliSrc.toString(), "--site", site.toString(), "-q");
            assertEquals(0, code, err.toString());
            String summary = out.toString().strip();
            assertTrue(summary.matches("Deployed to s3://" + bucket + "/site/: uploaded " + String.format(java.util.Locale.ROOT,
                    "%,d", files.size()) + " \\([0-9.]+ [kM]B\\), deleted 0, unchanged 0 in [0-9.]+ s"), summary);
            assertMirrors(bucket, "site/", files);

            code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("deploy", "--source", cliSrc.toString(), "--site", site.toString(), "--target", "nope");
            assertEquals(2, code);
            assertTrue(err.toString().contains("no deploy target named 'nope'") && err.toString().contains("local"), err.toString());
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }
}
