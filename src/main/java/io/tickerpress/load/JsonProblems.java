package io.tickerpress.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the JSON parser's complaints in an editor's words: what was expected at that line and column and how to
 * fix it, without the parser's feature names or its "[Source: REDACTED …]" positions.
 */
final class JsonProblems {
    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code \\d+\\)\\)(?: in numeric value)?: (.*)", Pattern.DOTALL);
    private static final Pattern STARTED_AT = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern TOKEN = Pattern.compile("(?:Non-standard|Unrecognized) token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)'.*", Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.*?)'.*", Pattern.DOTALL);

    private JsonProblems() {
    }

    /**
     * The problem in an editor's words.
     *
     * @param message the parser's original message (without location)
     * @param text    the whole document, to name the bracket a cut-short file leaves open
     */
    static String explain(String message, String text) {
        String m = message == null ? "" : message.strip();
        Matcher x;
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("closing quote") || m.contains("in field name")) {
                return "the file ends inside a string: close it with a double quote (\")";
            }
            return unclosed(text);
        }
        if ((x = UNEXPECTED.matcher(m)).matches()) {
            String found = x.group(1);
            String rest = x.group(2);
            if (rest.startsWith("was expecting double-quote to start field name")) {
                if (found.equals("}")) return "expected a \"name\" after the comma, found '}': remove the comma before '}'";
                if (found.equals("'")) return "names are written in double quotes in JSON, not single quotes";
                return "expected a \"name\" in double quotes, found '" + found + "': put names in double quotes";
            }
            if (rest.startsWith("was expecting comma to separate Object entries")) {
                return "expected ',' or '}' after the value, found '" + found + "': add a comma between two entries";
            }
            if (rest.startsWith("was expecting comma to separate Array entries")) {
                return "expected ',' or ']' after the value, found '" + found + "': add a comma between two values";
            }
            if (rest.startsWith("was expecting a colon")) {
                return "expected ':' after the name, found '" + found + "': write \"name\": value";
            }
            if (rest.startsWith("maybe a (non-standard) comment")) {
                return "comments are not allowed in JSON: remove the text starting with '" + found + "'";
            }
            if (rest.contains("plus signs")) {
                return "a number cannot start with '+' in JSON: remove the '+'";
            }
            if (rest.contains("Decimal point not followed by a digit")) {
                return "a number ends with '.': write a digit after the decimal point, or remove the point";
            }
            if (rest.startsWith("expected a valid value") || rest.startsWith("expected a value")) {
                if (found.equals("]")) return "expected a value, found ']': remove the comma before ']'";
                if (found.equals("}")) return "expected a value after ':', found '}': write a value or remove the name";
                if (found.equals(".")) return "a number cannot start with '.': write a 0 before it (0.5, not .5)";
                return "expected a value (a number, a \"string\", true, false, null, [ ] or { }), found '" + found + "'";
            }
            return "unexpected '" + found + "'";
        }
        if ((x = TOKEN.matcher(m)).matches()) {
            String token = x.group(1);
            if (token.matches("[-+]?(NaN|Infinity|INF)")) {
                return "'" + token + "' is not a number JSON allows: write a figure, or leave the field out";
            }
            return "'" + token + "' is not a JSON value: write a number, a \"string\" in double quotes, true, false"
                    + " or null";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a string runs past the end of the line (or holds a control character): close it with \" on the"
                    + " same line, or write a line break as \\n";
        }
        if (m.startsWith("Invalid numeric value: Leading zeroes not allowed")) {
            return "a number cannot start with 0 in JSON: write 7, not 07";
        }
        if ((x = DUPLICATE.matcher(m)).matches()) {
            return "\"" + x.group(1) + "\" appears twice in the same object: keep one";
        }
        if ((x = ESCAPE.matcher(m)).matches()) {
            return "'\\" + x.group(1) + "' is not an escape JSON knows: write \\\\ for a backslash";
        }
        if ((x = CLOSE.matcher(m)).matches()) {
            String found = x.group(1);
            if (m.contains("no open")) {
                return "'" + found + "' closes nothing: remove it, or the extra one before it";
            }
            String want = found.equals("}") ? "]" : "}";
            return "found '" + found + "' where '" + want + "'" + opened(m) + " must be closed first";
        }
        // Anything else: the parser's words without its internal positions and feature names.
        return m.replaceAll("\\s*\\(?(start marker at |for \\w+ starting at )?\\[Source: [^]]*]\\)?", "")
                .replaceAll(":? ?enable `[^`]*` to allow", "")
                .replaceAll("\\s+", " ");
    }

    /** For a file that ends too early: which bracket is still open, where, and what closes it. */
    static String unclosed(String text) {
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>(); // {bracket, line, column}
        boolean inString = false;
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                open.push(new int[] {c, line, column});
            } else if ((c == '}' || c == ']') && !open.isEmpty()) {
                open.pop();
            }
        }
        if (open.isEmpty()) return "the file ends too early: a value is missing";
        StringBuilder closers = new StringBuilder();
        for (int[] b : open) closers.append(b[0] == '{' ? '}' : ']');
        int[] innermost = open.peek();
        return "the file ends before the '" + (char) innermost[0] + "' opened at line " + innermost[1] + ", column "
                + innermost[2] + " is closed: the rest of the file is missing (complete it, then close with '"
                + closers + "')";
    }

    /** " opened at line 3, column 5" from the parser's "[Source: …; line: 3, column: 5]", or "". */
    private static String opened(String message) {
        Matcher at = STARTED_AT.matcher(message);
        return at.find() ? " opened at line " + at.group(1) + ", column " + at.group(2) : "";
    }
}
