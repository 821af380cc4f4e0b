package io.tickerpress.render;

import io.tickerpress.diag.Diagnostics;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to HTML: CommonMark with GFM tables, strikethrough, autolinks and heading anchors.
 * Raw HTML is dropped (with a warning naming the line) unless the site opts in with {@code markdown.unsafe}.
 * Links and images whose URL has a script, data or other unsafe scheme are dropped either way (a link keeps
 * its text), with a warning; the others are written percent-encoded where a URL may not hold a character
 * ({@link io.tickerpress.load.Urls#encode}: a space, a quote, {@code <}, letters beyond ASCII ...).
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());

    private final boolean unsafe;
    /** Without source positions: cheaper, and enough for a body that needs no warning (nearly all). */
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    /** With the line of every node, for the warnings' line numbers. */
    private final Parser locating = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    public MarkdownRenderer(boolean unsafe) {
        this.unsafe = unsafe;
    }

    /**
     * @param firstLine the file line on which {@code markdown} starts, so warnings point at the file's lines
     */
    public String render(String markdown, String file, int firstLine, Diagnostics diagnostics) {
        try {
            Node document = parser.parse(markdown);
            Warnings probe = new Warnings();
            document.accept(probe);
            if (probe.found) document = locating.parse(markdown);
            document.accept(new Adjuster(file, firstLine, diagnostics)); // also wraps the tables (wrapTables)
            return renderer.render(document);
        } catch (StackOverflowError e) {
            // The parser and the renderer descend one level of Java stack per level of nesting: thousands of '>'
            // ended the build as an internal error (exit 70), and stopped the preview's rebuilds for good.
            throw new io.tickerpress.diag.InputError(file, firstLine, "the Markdown is nested too deeply (block"
                    + " quotes, lists or links inside one another, thousands of levels): no page can show it; take"
                    + " most of the levels out");
        }
    }

    /**
     * Puts each table in a {@code <div class="table-scroll">}, so that a table wider than a phone scrolls
     * inside its box instead of the page. Runs after raw HTML was dropped: the wrappers are the theme's own.
     * The tables are the ones {@link Adjuster} met on its way through the document.
     */
    private static void wrapTables(List<Node> tables) {
        for (Node table : tables) {
            HtmlBlock open = new HtmlBlock();
            open.setLiteral("<div class=\"table-scroll\">\n");
            HtmlBlock close = new HtmlBlock();
            close.setLiteral("</div>\n");
            table.insertBefore(open);
            table.insertAfter(close);
        }
    }

    /** Finds whether {@link Adjuster} will warn about anything: then the body is parsed again with its lines. */
    private final class Warnings extends AbstractVisitor {
        boolean found;

        @Override
        public void visit(org.commonmark.node.Link link) {
            if (!io.tickerpress.load.Urls.isSafeLink(link.getDestination())) found = true;
            else visitChildren(link);
        }

        @Override
        public void visit(org.commonmark.node.Image image) {
            if (!io.tickerpress.load.Urls.isSafeLink(image.getDestination())) found = true;
            else visitChildren(image);
        }

        @Override
        public void visit(HtmlBlock html) {
            if (!unsafe) found = true;
        }

        @Override
        public void visit(HtmlInline html) {
            if (!unsafe) found = true;
        }
    }

    /** Drops raw HTML when not allowed, and moves body headings below the page's single h1. */
    private final class Adjuster extends AbstractVisitor {
        private final String file;
        private final int firstLine;
        private final Diagnostics diagnostics;
        private final List<Node> dropped = new ArrayList<>();
        private final List<Node> tables = new ArrayList<>();

        Adjuster(String file, int firstLine, Diagnostics diagnostics) {
            this.file = file;
            this.firstLine = firstLine;
            this.diagnostics = diagnostics;
        }

        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() == 1) heading.setLevel(2);
            visitChildren(heading);
        }

        @Override
        public void visit(org.commonmark.node.Link link) {
            visitChildren(link);
            if (!io.tickerpress.load.Urls.isSafeLink(link.getDestination())) {
                warn(link, "link to '" + shorten(link.getDestination()) + "' dropped: only http(s), mailto and relative links are allowed");
                Node child = link.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.insertBefore(child);
                    child = next;
                }
                dropped.add(link);
            } else {
                link.setDestination(io.tickerpress.load.Urls.encode(link.getDestination()));
            }
        }

        @Override
        public void visit(org.commonmark.node.Image image) {
            if (!io.tickerpress.load.Urls.isSafeLink(image.getDestination())) {
                warn(image, "image '" + shorten(image.getDestination()) + "' dropped: only http(s) and relative images are allowed");
                dropped.add(image);
                return;
            }
            image.setDestination(io.tickerpress.load.Urls.encode(image.getDestination()));
            visitChildren(image);
        }

        private void warn(Node node, String message) {
            List<SourceSpan> spans = node.getSourceSpans();
            diagnostics.warn(file, spans.isEmpty() ? firstLine : firstLine + spans.get(0).getLineIndex(), message);
        }

        private String shorten(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }

        @Override
        public void visit(HtmlBlock html) {
            drop(html);
        }

        @Override
        public void visit(HtmlInline html) {
            drop(html);
        }

        private void drop(Node node) {
            if (unsafe) return;
            warn(node, "raw HTML left out of the page (set 'markdown.unsafe: true' in site.yaml to allow it)");
            dropped.add(node);
        }

        @Override
        public void visit(org.commonmark.node.CustomBlock block) {
            if (block instanceof org.commonmark.ext.gfm.tables.TableBlock) tables.add(block);
            visitChildren(block);
        }

        @Override
        public void visit(org.commonmark.node.Document document) {
            visitChildren(document);
            dropped.forEach(Node::unlink);
            wrapTables(tables);
        }
    }
}
