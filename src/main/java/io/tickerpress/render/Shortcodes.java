package io.tickerpress.render;

import io.tickerpress.diag.InputError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code {{< name arg ... key=value >}}} shortcodes in Markdown before it is parsed. Each shortcode's
 * output replaces it in the text. A call wrapped in comment marks (open with a slash and star right after the
 * opening braces, close with star and slash before the closing ones) prints the shortcode itself, for documentation.
 */
public final class Shortcodes {
    /** A parsed shortcode call: positional arguments and named ones, in order. */
    public record Call(String name, List<String> args, Map<String, String> named, String file, int line) {
        public InputError error(String message) {
            return new InputError(file, line, "shortcode '" + name + "': " + message);
        }
    }

    /** What a site's shortcodes do. */
    public interface Handler {
        /** @return the text (Markdown) that replaces the call */
        String expand(Call call);
    }

    private final Map<String, Handler> handlers;

    public Shortcodes(Map<String, Handler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public String expand(String markdown, String file, int firstLine) {
        int open = markdown.indexOf("{{<");
        if (open < 0) {
            int stray = markdown.indexOf(">}}");
            if (stray >= 0) {
                throw new InputError(file, lineAt(markdown, stray, firstLine), "'>}}' without an opening '{{<'");
            }
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        int pos = 0;
        while (open >= 0) {
            out.append(markdown, pos, open);
            int line = lineAt(markdown, open, firstLine);
            int close = markdown.indexOf(">}}", open + 3);
            int nextOpen = markdown.indexOf("{{<", open + 3);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw new InputError(file, line, "shortcode opened with '{{<' is never closed with '>}}'");
            }
            String inner = markdown.substring(open + 3, close);
            if (inner.contains("\n")) {
                throw new InputError(file, line, "a shortcode must fit on one line: '{{<" + inner.lines().findFirst().orElse("") + "'");
            }
            // "/*/" starts with "/*" and ends with "*/" too: a comment needs both marks, apart.
            if (inner.length() >= 4 && inner.startsWith("/*") && inner.endsWith("*/")) {
                out.append("{{<").append(inner, 2, inner.length() - 2).append(">}}");
            } else {
                Call call = parse(inner, file, line);
                Handler handler = handlers.get(call.name());
                if (handler == null) {
                    throw new InputError(file, line, "unknown shortcode '" + call.name() + "'; known: "
                            + String.join(", ", handlers.keySet().stream().sorted().toList()));
                }
                out.append(handler.expand(call));
            }
            pos = close + 3;
            open = markdown.indexOf("{{<", pos);
        }
        out.append(markdown, pos, markdown.length());
        return out.toString();
    }

    static Call parse(String inner, String file, int line) {
        List<String> tokens = tokenize(inner, file, line);
        if (tokens.isEmpty()) {
            throw new InputError(file, line, "empty shortcode '{{<" + inner + ">}}'");
        }
        List<String> args = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (String t : tokens.subList(1, tokens.size())) {
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).matches("[A-Za-z][A-Za-z0-9_-]*")) {
                String key = t.substring(0, eq);
                if (named.put(key, t.substring(eq + 1)) != null) {
                    throw new InputError(file, line, "shortcode '" + tokens.get(0) + "': '" + key + "' given twice");
                }
            } else {
                args.add(t);
            }
        }
        return new Call(tokens.get(0), args, named, file, line);
    }

    private static List<String> tokenize(String s, String file, int line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) tokens.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (quoted) throw new InputError(file, line, "unclosed quote in shortcode '{{<" + s + ">}}'");
        if (any) tokens.add(cur.toString());
        return tokens;
    }

    private static int lineAt(String text, int index, int firstLine) {
        int line = firstLine;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }
}
