package io.tickerpress.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks a generated site as a reader's browser would meet it: every internal link, anchor, image, script and
 * stylesheet must resolve to a file; every page needs a title; no two pages may claim the same canonical URL.
 * External links are not fetched.
 */
public final class SiteChecker {
    /** One problem: the page (site-relative file) and what is wrong with it. */
    public record Problem(String page, String message) {
        @Override
        public String toString() {
            return page + ": " + message;
        }
    }

    /** What was checked and what is broken. */
    public record Report(int pages, int links, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Path root;
    private final String basePath;
    private final Map<Path, Set<String>> idsByFile = new HashMap<>();

    /** @param basePath the path part of the site's base URL, e.g. "/" */
    public SiteChecker(Path root, String basePath) {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    }

    public Report check() {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, String> canonicalOwner = new TreeMap<>();
        int links = 0;
        for (Path page : pages) {
            String name = root.relativize(page).toString().replace('\\', '/');
            Document doc = parse(page);
            if (doc.title().isBlank()) {
                problems.add(new Problem(name, "page has no <title>"));
            }
            Element canonical = doc.selectFirst("link[rel=canonical]");
            if (canonical != null && !name.equals("404.html")) {
                String other = canonicalOwner.putIfAbsent(canonical.attr("href"), name);
                if (other != null) {
                    problems.add(new Problem(name, "duplicate URL: same canonical " + canonical.attr("href") + " as " + other));
                }
            }
            for (Element el : doc.select("a[href], link[href], img[src], script[src], img[srcset], source[srcset]")) {
                for (String target : targets(el)) {
                    links++;
                    String problem = resolve(page, target, el.tagName().equals("img") || el.tagName().equals("source"));
                    if (problem != null) {
                        problems.add(new Problem(name, problem));
                    }
                }
            }
        }
        return new Report(pages.size(), links, problems);
    }

    private static List<String> targets(Element el) {
        List<String> out = new ArrayList<>();
        if (el.hasAttr("href")) out.add(el.attr("href"));
        if (el.hasAttr("src")) out.add(el.attr("src"));
        if (el.hasAttr("srcset")) {
            for (String candidate : el.attr("srcset").split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty()) out.add(url);
            }
        }
        return out;
    }

    /** @return what is wrong with the link, or null when it resolves (or is external) */
    private String resolve(Path page, String href, boolean image) {
        URI uri;
        try {
            uri = new URI(href.strip());
        } catch (URISyntaxException e) {
            return "malformed link " + href;
        }
        if (uri.getScheme() != null || href.startsWith("//")) {
            return null; // external: not fetched
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        Path target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            if (!path.startsWith(basePath)) {
                return "link " + href + " points outside the site's base path " + basePath;
            }
            target = root.resolve(path.substring(basePath.length())).normalize();
        } else {
            target = page.getParent().resolve(path).normalize();
        }
        if (!target.startsWith(root)) {
            return "link " + href + " leaves the site";
        }
        if (Files.isDirectory(target)) {
            if (!path.isEmpty() && !path.endsWith("/")) {
                // A server would redirect; a static host may not. Prefer the trailing slash.
                return "link " + href + " names a folder without a trailing '/'";
            }
            target = target.resolve("index.html");
        }
        if (!Files.isRegularFile(target)) {
            return (image ? "missing image " : "broken link ") + href;
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")) {
            if (!ids(target).contains(fragment)) {
                return "broken anchor " + href + " (no element with id '" + fragment + "')";
            }
        }
        return null;
    }

    private Set<String> ids(Path file) {
        return idsByFile.computeIfAbsent(file, f -> {
            Set<String> ids = new HashSet<>();
            Document doc = parse(f);
            for (Element e : doc.select("[id]")) ids.add(e.id());
            for (Element e : doc.select("a[name]")) ids.add(e.attr("name"));
            return ids;
        });
    }

    private static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
