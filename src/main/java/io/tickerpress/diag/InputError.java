package io.tickerpress.diag;

import java.nio.file.Path;

/**
 * A problem with the user's input (content, data, templates, configuration). It names the file and,
 * where known, the line and column, and is reported to the user without a stack trace.
 */
public final class InputError extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public InputError(String file, int line, int column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public InputError(String file, int line, String problem) {
        this(file, line, 0, problem);
    }

    public InputError(String file, String problem) {
        this(file, 0, 0, problem);
    }

    public static InputError at(Path file, int line, String problem) {
        return new InputError(Diagnostics.display(file), line, 0, problem);
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    public String problem() { return problem; }

    static String format(String file, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) sb.append(':').append(column);
            }
            sb.append(": ");
        }
        return sb.append(problem).toString();
    }
}
