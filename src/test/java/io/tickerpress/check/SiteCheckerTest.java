package io.tickerpress.check;

import io.tickerpress.TestSites;
import io.tickerpress.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteCheckerTest {
    @TempDir
    Path dir;

    @Test
    void theSampleSiteChecksClean() {
        CliTest.Run r = CliTest.run("check", "--source", TestSites.SAMPLE.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s)Checked \\d+ pages and \\d+ links: no problems\\s*"), r.out());
    }

    @Test
    void reportsEveryKindOfBreakage() {
        Path site = dir.resolve("site");
        TestSites.write(site.resolve("index.html"), """
                <!DOCTYPE html><html><head><title>Home</title><link rel="canonical" href="https://x.test/"></head><body>
                <a id="top" href="/a/">ok</a> <a href="/a/#here">ok anchor</a> <a href="/missing/">broken</a>
                <a href="/a/#nowhere">bad anchor</a> <img src="/img/none.png" alt=""> <a href="https://example.com/">external</a>
                <a href="#top">self</a> <a href="/a">no slash</a>
                </body></html>""");
        TestSites.write(site.resolve("a/index.html"), """
                <!DOCTYPE html><html><head><title> </title><link rel="canonical" href="https://x.test/"></head>
                <body><h2 id="here">Here</h2></body></html>""");
        CliTest.Run r = CliTest.run("check", "--source", TestSites.SAMPLE.toString(), "--site", site.toString());
        assertEquals(1, r.code());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("index.html: broken link /missing/"), r.out());
        assertTrue(lines.contains("index.html: broken anchor /a/#nowhere (no element with id 'nowhere')"), r.out());
        assertTrue(lines.contains("index.html: missing image /img/none.png"), r.out());
        assertTrue(lines.contains("index.html: link /a names a folder without a trailing '/'"), r.out());
        assertTrue(lines.contains("a/index.html: page has no <title>"), r.out());
        assertTrue(lines.contains("index.html: duplicate URL: same canonical https://x.test/ as a/index.html"), r.out());
        assertTrue(r.out().contains(": 6 problems"), r.out());
    }

    /**
     * A --site that cannot be walked (here a link inside it back to the folder itself, as / holds under /proc) is the
     * user's input, exit 1 with what to name; it was an internal error (70, "This is a bug in TickerPress").
     */
    @Test
    void aSiteFolderThatLoopsIsAnInputError() throws Exception {
        Path site = dir.resolve("looped");
        TestSites.write(site.resolve("index.html"), "<!DOCTYPE html><html><head><title>Home</title></head><body></body></html>");
        java.nio.file.Files.createSymbolicLink(site.resolve("again"), site);
        String shown = io.tickerpress.diag.Diagnostics.display(site);
        CliTest.Run r = CliTest.run("check", "--source", TestSites.SAMPLE.toString(), "--site", site.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("error: " + shown + ": cannot be read as a built site: a link in it leads back to a folder above it ("
                + site.resolve("again") + "): name the folder tickerpress build wrote (--site), or leave --site out to"
                + " build the site and check it\nNothing was checked.\n", r.err());
    }

    /**
     * A mistyped --site (a folder without a single page, such as /etc or an empty folder) printed "Checked 0 pages
     * and 0 links: no problems" and exit 0; it is an input error saying what to name, and so is a missing folder.
     */
    @Test
    void aSiteFolderWithoutPagesIsNotASiteWithoutProblems() throws Exception {
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));
        TestSites.write(empty.resolve("notes.txt"), "not a page");
        String shown = io.tickerpress.diag.Diagnostics.display(empty);
        CliTest.Run r = CliTest.run("check", "--source", TestSites.SAMPLE.toString(), "--site", empty.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals("error: " + shown + ": holds no page (no .html file): not a built site; name the folder tickerpress"
                + " build wrote (--site), or leave --site out to build the site and check it\nNothing was checked.\n",
                r.err());

        Path missing = dir.resolve("missing");
        CliTest.Run m = CliTest.run("check", "--source", TestSites.SAMPLE.toString(), "--site", missing.toString());
        assertEquals(1, m.code(), m.out() + m.err());
        assertEquals("error: " + io.tickerpress.diag.Diagnostics.display(missing) + ": no such folder: name the folder"
                + " tickerpress build wrote (--site), or leave --site out to build the site and check it\nNothing was"
                + " checked.\n", m.err());
    }
}
