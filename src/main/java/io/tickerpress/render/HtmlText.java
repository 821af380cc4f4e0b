package io.tickerpress.render;

/**
 * The one HTML escape for text put into HTML outside a template (templates escape by themselves): feed fields that
 * readers render as HTML, the preview server's error page.
 */
public final class HtmlText {
    private HtmlText() {
    }

    /** Plain text as HTML that shows exactly that text: {@code <img>} stays the five characters. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
