package io.tickerpress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tickerpress schema}: prints one of the JSON Schemas shipped in the jar, for editors' completion and checks. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of site.yaml (site), a snapshot (snapshot) or article front matter (article).")
public final class SchemaCommand implements Callable<Integer> {
    /** The schemas, by name; each is {@code /schemas/NAME.schema.json} in the jar. */
    public static final List<String> NAMES = List.of("site", "snapshot", "article");

    @Parameters(paramLabel = "NAME", description = "site, snapshot or article.")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The text of a schema shipped in the jar. */
    public static String text(String name) {
        try (InputStream in = SchemaCommand.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) throw new IllegalStateException("schema " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Integer call() {
        if (!NAMES.contains(name)) {
            throw Usage.error(spec, "NAME", "'" + name + "' is not a schema: give site, snapshot or article");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text(name));
        out.flush();
        return 0;
    }
}
