package io.tickerpress.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML or JSON document read into a tree that remembers the line of every key and value, so that
 * errors found later (a bad date, an unknown field) can still point at the right line.
 */
public final class LocatedTree {
    private static final JsonFactory YAML = YAMLFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final int MAX_DEPTH = 64;

    private final String file;
    private final int lineOffset;
    private final Map<String, int[]> positions = new HashMap<>();
    private final JsonNode root;

    private LocatedTree(String file, int lineOffset, JsonParser parser) throws IOException {
        this.file = file;
        this.lineOffset = lineOffset;
        JsonToken first = parser.nextToken();
        this.root = first == null ? NODES.objectNode() : read(parser, "", 0);
        if (first != null && parser.nextToken() != null) {
            throw error(parser.currentTokenLocation(), "unexpected content after the end of the document");
        }
    }

    /** Parses YAML; {@code lineOffset} is added to line numbers (front matter starts below line 1). */
    public static LocatedTree yaml(String text, String file, int lineOffset) {
        return parse(YAML, text, file, lineOffset);
    }

    public static LocatedTree json(String text, String file) {
        return parse(JSON, text, file, 0);
    }

    private static LocatedTree parse(JsonFactory factory, String text, String file, int lineOffset) {
        try (JsonParser parser = factory.createParser(text)) {
            return new LocatedTree(file, lineOffset, parser);
        } catch (InputError e) {
            throw e;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = factory == YAML ? cleanMessage(e.getOriginalMessage())
                    : JsonProblems.explain(e.getOriginalMessage(), text);
            if (loc == null) {
                throw new InputError(file, lineOffset + 1, "malformed document: " + msg);
            }
            int line = Math.max(1, loc.getLineNr());
            int column = Math.max(0, loc.getColumnNr());
            if (factory == YAML && msg.contains("(TAB)")) { // SnakeYAML names where it began to look: the tab is after
                int[] tab = firstTabFrom(text, line, column);
                if (tab != null) {
                    line = tab[0];
                    column = tab[1];
                }
            }
            throw new InputError(file, line + lineOffset, column,
                    "malformed " + (factory == YAML ? "YAML" : "JSON") + ": " + msg + (factory == YAML ? yamlFix(msg) : ""));
        } catch (IOException e) {
            throw new InputError(file, "cannot parse: " + e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML reports some structural problems as unchecked exceptions.
            throw new InputError(file, lineOffset + 1, "malformed YAML: " + e.getMessage());
        }
    }

    /** The line and column (from 1) of the first tab at or after a line and column of the text; null if none. */
    private static int[] firstTabFrom(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = text.indexOf('\n', at);
            if (at >= 0) at++;
        }
        if (at < 0) return null;
        int tab = text.indexOf('\t', Math.min(text.length(), at + Math.max(0, column - 1)));
        if (tab < 0) return null;
        int tabLine = 1;
        int lineStart = 0;
        for (int i = 0; i < tab; i++) {
            if (text.charAt(i) == '\n') {
                tabLine++;
                lineStart = i + 1;
            }
        }
        return new int[] {tabLine, tab - lineStart + 1};
    }

    /**
     * How to fix what SnakeYAML found, in an editor's words: a tab, a quote left open, or else the usual suspects
     * of the line named and the one before it.
     */
    static String yamlFix(String problem) {
        if (problem.contains("(TAB)")) return ": indent with spaces; YAML does not allow tabs there";
        if (problem.contains("quoted scalar")) {
            return ": close the quote this value opens on the same line (a quote inside it is written twice in"
                    + " single quotes, or as \\\" in double quotes)";
        }
        return ": check the quotes, brackets, colons and indentation of this line and the one before it";
    }

    /** SnakeYAML repeats positions relative to the YAML block and quotes the source; keep only the words. */
    static String cleanMessage(String message) {
        if (message == null) return "";
        java.util.List<String> kept = new java.util.ArrayList<>();
        String[] lines = message.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("in 'reader'")) {
                i += 2; // the quoted source line and its caret
                continue;
            }
            if (!lines[i].isBlank()) kept.add(lines[i].strip());
        }
        return String.join("; ", kept).replaceAll("\\s+", " ");
    }

    private JsonNode read(JsonParser p, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error(p.currentTokenLocation(), "nesting is deeper than " + MAX_DEPTH + " levels");
        }
        remember(path, p.currentTokenLocation());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (object.has(name)) {
                        throw error(keyAt, "duplicate key '" + name + "'");
                    }
                    p.nextToken();
                    object.set(name, read(p, child, depth + 1));
                    remember(child, keyAt);
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p, path + "[" + i + "]", depth + 1));
                    i++;
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return readFloat(p);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw error(p.currentTokenLocation(), "unsupported value " + token);
        }
    }

    /** NaN and infinities as YAML and lenient JSON write them: kept as text, for the loaders to refuse by name. */
    private static final java.util.regex.Pattern NOT_FINITE =
            java.util.regex.Pattern.compile("(?i)[-+]?(\\.nan|nan|\\.inf|inf|infinity)");

    private JsonNode readFloat(JsonParser p) throws IOException {
        String text = p.getText();
        // A number ends with a digit or a point; only these words end with a letter (a snapshot holds thousands).
        if (!text.isEmpty() && Character.isLetter(text.charAt(text.length() - 1)) && NOT_FINITE.matcher(text).matches()) {
            return NODES.textNode(text);
        }
        return NODES.numberNode(p.getDecimalValue());
    }

    private void remember(String path, JsonLocation loc) {
        positions.put(path, new int[] {loc.getLineNr() + lineOffset, loc.getColumnNr()});
    }

    private InputError error(JsonLocation loc, String message) {
        return new InputError(file, loc.getLineNr() + lineOffset, loc.getColumnNr(), message);
    }

    public String file() {
        return file;
    }

    /** The document's root as a {@link Fields} view. */
    public Fields root() {
        if (!root.isObject()) {
            throw new InputError(file, line(""), "must be a mapping of keys to values, not a " + Fields.kind(root));
        }
        return new Fields(this, "", (ObjectNode) root);
    }

    /** The line of a path such as {@code sources[1].url}, or of its nearest known parent. */
    public int line(String path) {
        String p = path;
        while (true) {
            int[] pos = positions.get(p);
            if (pos != null) return pos[0];
            if (p.isEmpty()) return lineOffset + 1;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    public int column(String path) {
        int[] pos = positions.get(path);
        return pos == null ? 0 : pos[1];
    }

    public InputError error(String path, String message) {
        return new InputError(file, line(path), column(path), message);
    }
}
