package io.tickerpress.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed, validating access to one mapping of a {@link LocatedTree}. Every accessor names the field and its
 * line when the value has the wrong type, so loaders stay short and errors stay precise.
 */
public final class Fields {
    private final LocatedTree tree;
    private final String path;
    private final ObjectNode node;

    Fields(LocatedTree tree, String path, ObjectNode node) {
        this.tree = tree;
        this.path = path;
        this.node = node;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public int line(String key) {
        return tree.line(pathOf(key));
    }

    public int line() {
        return tree.line(path);
    }

    public String file() {
        return tree.file();
    }

    public io.tickerpress.diag.InputError error(String key, String message) {
        return tree.error(pathOf(key), message);
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** Rejects keys outside {@code known}, suggesting the closest known key for a likely typo. */
    public Fields allowOnly(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                String hint = Suggest.closest(name, known);
                throw error(name, "unknown field '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    public String string(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.textValue();
        if (v.isNumber() || v.isBoolean()) return v.asText();
        throw error(key, "'" + key + "' must be text, not a " + kind(v));
    }

    public String requiredString(String key) {
        String s = string(key);
        if (s == null || s.isBlank()) {
            throw has(key) ? error(key, "'" + key + "' must not be empty")
                    : tree.error(path, "missing required field '" + key + "'");
        }
        return s;
    }

    public String string(String key, String fallback) {
        String s = string(key);
        return s == null ? fallback : s;
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return fallback;
        if (v.isBoolean()) return v.booleanValue();
        throw error(key, "'" + key + "' must be true or false, not " + describe(v));
    }

    public int integer(String key, int fallback, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return fallback;
        if (!v.isIntegralNumber() || v.bigIntegerValue().bitLength() > 31) {
            throw error(key, "'" + key + "' must be a whole number, not " + describe(v));
        }
        int n = v.intValue();
        if (n < min || n > max) {
            throw error(key, "'" + key + "' must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    /** A finite number, or null when absent. */
    public BigDecimal decimal(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.decimalValue();
        throw error(key, "'" + key + "' must be a number, not " + describe(v) + numberHint(v));
    }

    /** A list of text values; a single text value counts as a list of one. */
    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isTextual()) {
            out.add(v.textValue());
            return out;
        }
        if (!v.isArray()) {
            throw error(key, "'" + key + "' must be a list of text values, not a " + kind(v));
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!(item.isTextual() || item.isNumber())) {
                throw tree.error(pathOf(key) + "[" + i + "]", "item " + (i + 1) + " of '" + key
                        + "' must be text, not a " + kind(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    /**
     * A list of text values, where a single text is read as the editor meant it: {@code tags: Stocks, Chips} is
     * the two items "Stocks" and "Chips" (empty parts are dropped).
     */
    public List<String> commaList(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) return strings(key);
        List<String> out = new ArrayList<>();
        for (String part : v.textValue().split(",")) {
            if (!part.isBlank()) out.add(part);
        }
        return out;
    }

    public Fields object(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw error(key, "'" + key + "' must be a mapping, not a " + kind(v));
        return new Fields(tree, pathOf(key), (ObjectNode) v);
    }

    /** A list of mappings, e.g. {@code sources: [{name: ..., url: ...}]}. */
    public List<Fields> objects(String key) {
        JsonNode v = node.get(key);
        List<Fields> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw error(key, "'" + key + "' must be a list, not a " + kind(v));
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw tree.error(itemPath, "item " + (i + 1) + " of '" + key + "' must be a mapping, not a " + kind(item));
            }
            out.add(new Fields(tree, itemPath, (ObjectNode) item));
        }
        return out;
    }

    static String kind(JsonNode v) {
        if (v.isObject()) return "mapping";
        if (v.isArray()) return "list";
        if (v.isNumber()) return "number";
        if (v.isBoolean()) return "true/false value";
        if (v.isNull()) return "null";
        return "text value";
    }

    /** For a number written as text ("362.75", "1.2%"): how to write it. */
    private static String numberHint(JsonNode v) {
        if (!v.isTextual()) return "";
        String text = v.textValue().strip();
        boolean percent = text.endsWith("%");
        if (percent) text = text.substring(0, text.length() - 1).strip();
        if (!text.matches("[-+]?\\d{1,18}(\\.\\d{1,12})?")) return "";
        return "; write " + new BigDecimal(text).toPlainString() + " (a number, without quotes" + (percent ? " or '%'" : "") + ")";
    }

    private static String describe(JsonNode v) {
        if (v.isValueNode()) {
            String s = v.asText();
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        return "a " + kind(v);
    }
}
