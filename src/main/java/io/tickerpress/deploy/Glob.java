package io.tickerpress.deploy;

import java.util.regex.Pattern;

/**
 * File patterns of {@code deploy.matchers}, matched against site paths such as {@code charts/ab12.png}:
 * {@code *} is any run of characters within one folder name, {@code **} any run including '/', {@code ?} one
 * character other than '/', and {@code {html,xml}} one of the listed alternatives.
 */
final class Glob {
    private final String text;
    private final Pattern regex;

    private Glob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException with what is wrong, for unbalanced braces */
    static Glob of(String glob) {
        StringBuilder re = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        // "**/" also matches no folder at all: "**/x.css" matches "x.css".
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            re.append("(?:.*/)?");
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '{' -> {
                    depth++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (depth == 0) throw new IllegalArgumentException("'}' without a '{' before it");
                    depth--;
                    re.append(')');
                }
                case ',' -> re.append(depth > 0 ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (depth != 0) throw new IllegalArgumentException("'{' without a closing '}'");
        return new Glob(glob, Pattern.compile(re.toString()));
    }

    boolean matches(String sitePath) {
        return regex.matcher(sitePath).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
