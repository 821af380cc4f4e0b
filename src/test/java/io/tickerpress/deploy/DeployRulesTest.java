package io.tickerpress.deploy;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of deploy that need no store: patterns, headers, order, invalidation paths, configuration. */
class DeployRulesTest {
    @TempDir
    Path dir;

    @Test
    void globsMatchWithinAndAcrossFolders() {
        assertTrue(Glob.of("*.html").matches("index.html"));
        assertFalse(Glob.of("*.html").matches("news/x/index.html"), "* stays within one folder name");
        assertTrue(Glob.of("**.html").matches("news/x/index.html"));
        assertTrue(Glob.of("**/index.html").matches("index.html"), "**/ also matches no folder");
        assertTrue(Glob.of("charts/*@2x.png").matches("charts/ab12@2x.png"));
        assertFalse(Glob.of("charts/*@2x.png").matches("charts/ab12.png"));
        assertTrue(Glob.of("**.{xml,json}").matches("tags/fed/atom.xml"));
        assertTrue(Glob.of("**.{xml,json}").matches("search-index.json"));
        assertFalse(Glob.of("**.{xml,json}").matches("robots.txt"));
        assertTrue(Glob.of("assets/style.c?s").matches("assets/style.css"), "? is one character");
        assertFalse(Glob.of("a.b").matches("axb"), "'.' is literal");
        assertThrows(IllegalArgumentException.class, () -> Glob.of("**.{xml"));
    }

    @Test
    void defaultsAndMatchers() {
        HeaderRules d = HeaderRules.defaults();
        assertEquals(new FileHeaders("image/png", "public, max-age=31536000, immutable", null), d.forPath("charts/ab@2x.png"));
        assertEquals(new FileHeaders("text/html; charset=utf-8", "public, max-age=300", null), d.forPath("news/x/index.html"));
        assertEquals(new FileHeaders("application/xml; charset=utf-8", "public, max-age=300", null), d.forPath("feed.xml"));
        assertEquals(new FileHeaders("text/css; charset=utf-8", "public, max-age=300", null), d.forPath("assets/style.css"));
        assertEquals("application/octet-stream", d.forPath("assets/data.unknown").contentType());
        // The search index's files are named by a hash of their content; its manifest keeps its name.
        assertEquals("public, max-age=31536000, immutable", d.forPath("search/0123456789ab.bin").cacheControl());
        assertEquals("public, max-age=31536000, immutable", d.forPath("search/0123456789ab-3.json").cacheControl());
        assertEquals("public, max-age=300", d.forPath("search/0123456789ab/t3.bin").cacheControl(), "not a name the index writes");
        assertEquals("public, max-age=300", d.forPath("search/manifest.json").cacheControl());
        assertEquals("public, max-age=300", d.forPath("search/index.html").cacheControl());

        HeaderRules r = new HeaderRules(List.of(new HeaderRules.Rule("**.html", "no-cache", null, true),
                new HeaderRules.Rule("**", null, "text/plain", null)));
        // The first match wins and leaves what it does not set to the defaults.
        assertEquals(new FileHeaders("text/html; charset=utf-8", "no-cache", "gzip"), r.forPath("index.html"));
        assertEquals(new FileHeaders("text/plain", "public, max-age=31536000, immutable", null), r.forPath("charts/a.png"));
    }

    @Test
    void storedHeadersCompareWithoutSpacesCaseOrTransferEncoding() {
        FileHeaders h = new FileHeaders("text/html; charset=utf-8", "public, max-age=300", null);
        assertTrue(h.sameAs("text/html;charset=UTF-8", "public,max-age=300", "aws-chunked"));
        assertFalse(h.sameAs("text/html;charset=utf-8", "public, max-age=600", null));
        assertFalse(h.sameAs("text/html;charset=utf-8", "public, max-age=300", "gzip"));
    }

    @Test
    void phasesPutPagesAfterWhatTheyShowAndBeforeWhatListsThem() {
        assertEquals(Phase.ASSETS, Phase.of("charts/a.png"));
        assertEquals(Phase.ASSETS, Phase.of("assets/search.js"));
        assertEquals(Phase.PAGES, Phase.of("404.html"));
        assertEquals(Phase.PAGES, Phase.of("news/x/index.html"));
        assertEquals(Phase.INDEXES, Phase.of("tags/fed/atom.xml"));
        assertEquals(Phase.INDEXES, Phase.of("news-sitemap.xml"));
        assertEquals(Phase.INDEXES, Phase.of("robots.txt"));
        // The search manifest names the index's files: they go up first, the manifest last.
        assertEquals(Phase.INDEXES, Phase.of("search/manifest.json"));
        assertEquals(Phase.ASSETS, Phase.of("search/0123456789ab.bin"));
        assertEquals(Phase.ASSETS, Phase.of("search/0123456789ab-0.json"));
    }

    @Test
    void invalidationNamesTheChangedFilesAndTheirPrettyUrlsOnly() {
        assertEquals(List.of("/", "/charts/a.png", "/index.html", "/news/x/", "/news/x/index.html"),
                Invalidation.paths(List.of("index.html", "news/x/index.html", "charts/a.png"), "/"));
        assertEquals(List.of("/markets/feed.xml"), Invalidation.paths(List.of("feed.xml"), "/markets/"));
    }

    private void writeDeploy(String deploy) {
        TestSites.write(dir.resolve("content/site.yaml"), TestSites.SITE_YAML + deploy);
    }

    @Test
    void configurationIsReadAndCheckedWithLines() {
        writeDeploy("deploy:\n  targets:\n    - name: prod\n      bucket: ledger-www\n      prefix: /www\n"
                + "    - name: local\n      bucket: ledger\n      endpoint: http://127.0.0.1:9000\n      maxDeletes: -1\n"
                + "  matchers:\n    - pattern: \"**.html\"\n      gzip: true\n");
        DeployConfig c = DeployConfigLoader.load(dir.resolve("content"));
        DeployTarget prod = c.targets().get(0);
        assertEquals("www/", prod.prefix());
        assertEquals("www/news/index.html", prod.key("news/index.html"));
        assertFalse(prod.pathStyle());
        assertEquals(DeployTarget.DEFAULT_MAX_DELETES, prod.maxDeletes());
        DeployTarget local = c.targets().get(1);
        assertTrue(local.pathStyle(), "path-style by default for a custom endpoint");
        assertEquals(-1, local.maxDeletes());
        assertEquals("gzip", c.headers().forPath("index.html").contentEncoding());

        writeDeploy("deploy:\n  targets:\n    - name: prod\n      bucket: ledger\n      secretAccessKey: abc\n");
        InputError e = assertThrows(InputError.class, () -> DeployConfigLoader.load(dir.resolve("content")));
        assertTrue(e.getMessage().contains("site.yaml:8") && e.getMessage().contains("credentials do not belong"),
                e.getMessage());

        writeDeploy("deploy:\n  targets:\n    - name: prod\n      bucket: Ledger_WWW\n");
        e = assertThrows(InputError.class, () -> DeployConfigLoader.load(dir.resolve("content")));
        assertTrue(e.getMessage().contains("site.yaml:7") && e.getMessage().contains("is not a bucket name"), e.getMessage());

        writeDeploy("deploy:\n  targets:\n    - name: prod\n      bucket: ledger\n      endpoint: ftp://x\n");
        e = assertThrows(InputError.class, () -> DeployConfigLoader.load(dir.resolve("content")));
        assertTrue(e.getMessage().contains("'endpoint' must be an http(s) URL"), e.getMessage());
    }
}
