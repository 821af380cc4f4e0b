package io.tickerpress.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects warnings during a build so that they can be printed once, at the end, in a stable order. */
public final class Diagnostics {
    private static final Path CWD = Path.of("").toAbsolutePath();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    public void warn(String file, int line, String message) {
        warnings.add(InputError.format(file, line, 0, message));
    }

    /** Adds a warning that was already formatted, e.g. one recorded by the previous build for a reused page. */
    public void replay(String formatted) {
        warnings.add(formatted);
    }

    public List<String> warnings() {
        synchronized (warnings) {
            List<String> copy = new ArrayList<>(warnings);
            Collections.sort(copy);
            return List.copyOf(copy);
        }
    }

    /** A path as the user should see it: relative to the working folder when it lies below it. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(CWD)) {
            String relative = CWD.relativize(abs).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
        return abs.toString();
    }
}
