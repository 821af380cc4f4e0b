package io.tickerpress.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Tag;

/**
 * HTML for feeds. Feed readers render some fields as HTML (RSS {@code <description>}, {@code <content:encoded>},
 * Atom {@code content type="html"}): plain text bound for them is escaped as HTML ({@link HtmlText}) before the
 * template escapes it as XML; and article bodies get absolute links, because readers resolve links against the feed,
 * not the page.
 */
public final class FeedHtml {
    private FeedHtml() {
    }

    /**
     * An HTML fragment with every {@code href}, {@code src} and {@code srcset} URL resolved against
     * {@code pageUrl} (the page the fragment comes from). Text and other attributes are left alone.
     */
    public static String absoluteLinks(String html, String pageUrl) {
        Document doc = Jsoup.parseBodyFragment(html, pageUrl);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base)
                .charset(java.nio.charset.StandardCharsets.UTF_8);
        for (Element e : doc.body().select("[href], [src]")) {
            for (String name : new String[] {"href", "src"}) {
                if (e.hasAttr(name)) e.attr(name, absolute(e, name));
            }
        }
        for (Element e : doc.body().select("[srcset]")) {
            e.attr("srcset", srcset(e.attr("srcset"), pageUrl));
        }
        return doc.body().html();
    }

    private static String absolute(Element e, String attribute) {
        String abs = e.absUrl(attribute);
        return abs.isEmpty() ? e.attr(attribute) : abs;
    }

    /** A URL resolved against a page, as a browser would; left as it is when it cannot be resolved. */
    private static String absolute(String url, String pageUrl) {
        return absolute(new Element(Tag.valueOf("a"), pageUrl).attr("href", url), "href");
    }

    /** Each candidate's URL made absolute; its width or density descriptor kept (HTML's srcset syntax). */
    static String srcset(String value, String pageUrl) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',')) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) i++;
            String url = value.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int d = i;
                while (i < n && value.charAt(i) != ',') i++;
                descriptor = value.substring(d, i).strip();
            }
            if (!out.isEmpty()) out.append(", ");
            out.append(absolute(url, pageUrl));
            if (!descriptor.isEmpty()) out.append(' ').append(descriptor);
        }
        return out.toString();
    }
}
