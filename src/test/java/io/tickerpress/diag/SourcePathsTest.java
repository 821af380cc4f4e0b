package io.tickerpress.diag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stable names of input files: the same whether taken from the file or from its name as shown from the
 * working folder, for a site folder above, at, below or beside the working folder.
 */
class SourcePathsTest {
    private static final Path CWD = Path.of("").toAbsolutePath();

    @TempDir
    Path elsewhere;

    @Test
    void aFileBelowTheSiteIsNamedFromTheSiteWhereverTheSiteIsSeenFrom() {
        // The site at the working folder, below it, beside it (a temporary folder), and above it.
        for (Path site : List.of(CWD, CWD.resolve("some/site"), elsewhere.resolve("site"), CWD.getParent())) {
            SourcePaths paths = new SourcePaths(site);
            boolean above = site.equals(CWD.getParent());
            // Above: a file below the working folder, shown from it without the site's part of its path.
            Path file = (above ? CWD : site).resolve("content/articles/2026-01-05-story.md");
            String expected = (above ? CWD.getFileName() + "/" : "") + "content/articles/2026-01-05-story.md";
            assertEquals(expected, paths.of(file), "from the file, site " + site);
            assertEquals(expected, paths.ofShown(Diagnostics.display(file)), "from its shown name, site " + site);
            assertEquals(file, paths.file(expected), "back, site " + site);
            // The same site given by a relative path names the files the same way.
            if (site.startsWith(CWD) && !site.equals(CWD)) {
                assertEquals(expected, new SourcePaths(CWD.relativize(site)).ofShown(Diagnostics.display(file)));
            }
        }
    }

    @Test
    void aFileOutsideTheSiteKeepsItsAbsolutePath() {
        SourcePaths paths = new SourcePaths(elsewhere.resolve("site"));
        Path outside = elsewhere.resolve("shared/templates/article.ftlh");
        assertEquals(outside.toString(), paths.of(outside));
        assertEquals(outside.toString(), paths.ofShown(Diagnostics.display(outside)));
        assertEquals(outside, paths.file(outside.toString()));
        // A file below the working folder but not below the site: shown relative, named absolute.
        SourcePaths atSub = new SourcePaths(CWD.resolve("sub"));
        assertEquals(CWD.resolve("other/x.md").toString(), atSub.ofShown("other/x.md"));
    }
}
