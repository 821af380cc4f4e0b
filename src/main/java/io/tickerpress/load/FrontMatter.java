package io.tickerpress.load;

import io.tickerpress.diag.InputError;

/**
 * Splits a Markdown file into its YAML front matter (between two '---' lines at the top) and its body.
 *
 * @param bodyLine the 1-based line on which the body starts
 */
public record FrontMatter(LocatedTree yaml, String body, int bodyLine) {

    public static FrontMatter split(String text, String file) {
        if (text.isBlank()) {
            throw new InputError(file, 1, "file is empty: an article starts with front matter between '---' lines");
        }
        if (!(text.startsWith("---\n") || text.equals("---"))) {
            throw new InputError(file, 1, "missing front matter: the first line must be '---', then YAML fields such as"
                    + " 'title:' and 'date:', then a closing '---'");
        }
        int start = 4;
        int pos = start;
        int line = 2;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String current = end < 0 ? text.substring(pos) : text.substring(pos, end);
            if (current.stripTrailing().equals("---") || current.stripTrailing().equals("...")) {
                String yaml = text.substring(start, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                // Line numbers inside the YAML start at 1; the YAML begins on line 2 of the file.
                return new FrontMatter(LocatedTree.yaml(yaml, file, 1), body, line + 1);
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        throw new InputError(file, 1, "front matter opened on line 1 is never closed: add a line '---' after the fields");
    }
}
