package io.tickerpress.importer;

import io.tickerpress.diag.InputError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A provider's CSV: the header and the data rows with their line numbers. Providers write plain comma-separated
 * cells; a cell in double quotes may hold commas ({@code ""} is a quote). Blank lines are skipped.
 */
final class CsvTable {
    record Row(int line, List<String> cells) {
    }

    private final ProviderFile file;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    CsvTable(ProviderFile file) {
        this.file = file;
        List<String> lines = file.lines();
        int headerLine = file.firstLineNumber();
        this.header = split(lines.get(headerLine - 1), headerLine);
        for (int i = 0; i < header.size(); i++) columns.putIfAbsent(key(header.get(i)), i);
        for (int i = headerLine; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> cells = split(lines.get(i), i + 1);
            if (cells.size() != header.size()) {
                throw new InputError(file.display(), i + 1, "row has " + io.tickerpress.diag.Counts.of(cells.size(), "cell") + " but the header has "
                        + header.size() + " (" + String.join(",", header) + ")");
            }
            rows.add(new Row(i + 1, cells));
        }
    }

    /** A header cell as compared: trimmed, lower case. */
    static String key(String headerCell) {
        return headerCell.strip().toLowerCase(Locale.ROOT);
    }

    /** The header's cells, compared as {@link #key}s, for format detection. */
    static List<String> headerKeys(ProviderFile file) {
        return split(file.firstLine(), file.firstLineNumber(), file.display()).stream().map(CsvTable::key).toList();
    }

    ProviderFile file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The column's name as the file writes it, for messages. */
    String name(String column) {
        Integer i = columns.get(column);
        return i == null ? column : header.get(i).strip();
    }

    /** The cell of a row under a column (by its lower-case name), or null when the file has no such column. */
    String cell(Row row, String column) {
        Integer i = columns.get(column);
        return i == null ? null : row.cells().get(i).strip();
    }

    private List<String> split(String line, int number) {
        return split(line, number, file.display());
    }

    static List<String> split(String line, int number, String display) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new InputError(display, number, "a quoted cell is not closed (a '\"' is missing)");
        cells.add(cell.toString());
        return cells;
    }
}
