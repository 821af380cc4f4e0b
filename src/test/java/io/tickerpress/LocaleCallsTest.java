package io.tickerpress;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cheap guard against locale-dependent output coming back: scans src/main for calls that take the machine's
 * default locale when none is named (String.format and printf without a Locale, toUpperCase(), ofPattern with one
 * argument, java.text formats without a locale, String.formatted with anything but %s).
 */
class LocaleCallsTest {
    private static final Pattern CALL = Pattern.compile(
            "String\\.format\\(|\\.printf\\(|\\.formatted\\(|\\.toUpperCase\\(|\\.toLowerCase\\(|ofPattern\\("
                    + "|new DecimalFormat\\(|new SimpleDateFormat\\(|new DecimalFormatSymbols\\(|DecimalFormatSymbols\\.getInstance\\("
                    + "|NumberFormat\\.get\\w*Instance\\(|DateTimeFormatter\\.ofLocalized\\w*\\(");

    @Test
    void noFormatCallInTheSourcesDependsOnTheDefaultLocale() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                files++;
                for (String problem : problems(Files.readString(p))) problems.add(p + ": " + problem);
            }
        }
        assertTrue(files > 50, "scanned the sources");
        assertEquals(List.of(), problems);
    }

    @Test
    void theScanFindsEachKindOfCall() {
        assertEquals(1, problems("String s = String.format(\"%d\", n);").size());
        assertEquals(0, problems("String s = String.format(Locale.ROOT, \"%d\", n);").size());
        assertEquals(0, problems("String s = String.format(java.util.Locale.ROOT,\n \"%d\", n);").size());
        assertEquals(1, problems("out.printf(\"%d%n\", n);").size());
        assertEquals(1, problems("s.toUpperCase()").size());
        assertEquals(0, problems("s.toUpperCase(Locale.ROOT); Character.toUpperCase(c)").size());
        assertEquals(1, problems("DateTimeFormatter.ofPattern(\"MMM d, yyyy\")").size());
        assertEquals(0, problems("DateTimeFormatter.ofPattern(\"MMM d, (yyyy)\", Locale.ENGLISH)").size());
        assertEquals(1, problems("new DecimalFormat(\"#,##0.00\")").size());
        assertEquals(1, problems("NumberFormat.getPercentInstance()").size());
        assertEquals(1, problems("\"%d items\".formatted(n)").size());
        assertEquals(0, problems("\"\"\"\n  <p>%s</p>%n\n  \"\"\".formatted(x)").size());
        assertEquals(0, problems("// String.format(\"%d\", n) in a comment\n/* s.toLowerCase() */").size());
        assertEquals(0, problems("String s = \"String.format(\";").size());
    }

    /** The locale-dependent calls in one source file's text. */
    static List<String> problems(String source) {
        String code = withoutComments(source);
        List<String> problems = new ArrayList<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            if (insideString(code, m.start())) continue;
            String call = m.group();
            List<String> args = args(code, m.end());
            String first = args.isEmpty() ? "" : args.get(0).strip();
            boolean namesLocale = first.startsWith("Locale.") || first.startsWith("java.util.Locale.");
            boolean ok = switch (call) {
                case "String.format(", ".printf(" -> namesLocale;
                case ".formatted(" -> onlyStringConversions(receiver(code, m.start()));
                case "ofPattern(", "new DecimalFormat(", "new SimpleDateFormat(" -> args.size() >= 2;
                default -> call.startsWith("DateTimeFormatter.ofLocalized") ? false : !args.isEmpty();
            };
            if (!ok) {
                int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                problems.add("line " + line + ": " + call + String.join(",", args) + ") depends on the default locale");
            }
        }
        return problems;
    }

    /** %s (toString), %n and %% do not depend on the locale; %d, %f, %x and the rest may. */
    private static boolean onlyStringConversions(String literal) {
        return literal != null && !Pattern.compile("%(?![sn%])").matcher(literal).find();
    }

    /** The string literal or text block just before {@code .formatted(}, or null when it is not a literal. */
    private static String receiver(String code, int dot) {
        if (dot >= 3 && code.startsWith("\"\"\"", dot - 3)) {
            int open = code.lastIndexOf("\"\"\"", dot - 4);
            return open < 0 ? null : code.substring(open + 3, dot - 3);
        }
        if (dot >= 1 && code.charAt(dot - 1) == '"') {
            int open = dot - 2;
            while (open >= 0 && (code.charAt(open) != '"' || open > 0 && code.charAt(open - 1) == '\\')) open--;
            return open < 0 ? null : code.substring(open + 1, dot - 1);
        }
        return null;
    }

    /** The top-level arguments of a call whose '(' ends at {@code from}. */
    private static List<String> args(String code, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(code, i);
                current.append(code, i, end);
                i = end - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) break;
                depth--;
            }
            if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank() || !args.isEmpty()) args.add(current.toString());
        return args;
    }

    /** The index just after the string, text block or char literal starting at {@code i}. */
    private static int literalEnd(String code, int i) {
        if (code.startsWith("\"\"\"", i)) {
            int end = code.indexOf("\"\"\"", i + 3);
            return end < 0 ? code.length() : end + 3;
        }
        char quote = code.charAt(i);
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != quote) {
            if (code.charAt(j) == '\\') j++;
            j++;
        }
        return Math.min(code.length(), j + 1);
    }

    private static boolean insideString(String code, int at) {
        int i = 0;
        while (i < at) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(code, i);
                if (end > at) return true;
                i = end;
            } else {
                i++;
            }
        }
        return false;
    }

    /** The source with comments blanked out (string literals kept), so that lines keep their numbers. */
    private static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(s, i);
                out.append(s, i, end);
                i = end;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int j = i; j < end; j++) if (s.charAt(j) == '\n') out.append('\n');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
