package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the editors' daily write-ups, {@code content/digests/YYYY-MM-DD.md}. */
public final class DigestLoader {
    static final Set<String> FIELDS = Set.of("title", "summary");

    private DigestLoader() {
    }

    public static List<Digest> loadAll(Path contentDir, long maxBytes) {
        Path dir = contentDir.resolve("digests");
        if (!Files.isDirectory(dir)) return List.of();
        List<Digest> out = new ArrayList<>();
        for (Path file : ContentFiles.list(contentDir, dir, ".md")) {
            String display = Diagnostics.display(file);
            String name = file.getFileName().toString();
            LocalDate date = DateValues.parseDate(name.substring(0, name.length() - 3)).orElseThrow(() ->
                    new InputError(display, "a digest file is named after its trading day, such as 2026-01-20.md"));
            FrontMatter fm = FrontMatter.split(TextFiles.read(file, display, maxBytes), display);
            Fields f = fm.yaml().root().allowOnly(FIELDS);
            out.add(new Digest(display, date, AsWritten.text(f, "title", f.requiredString("title").strip()),
                    AsWritten.texts(f, "summary", f.strings("summary")), fm.body(),
                    fm.bodyLine()));
        }
        return out;
    }
}
