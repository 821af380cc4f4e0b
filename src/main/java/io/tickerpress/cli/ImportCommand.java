package io.tickerpress.cli;

import io.tickerpress.diag.InputError;
import io.tickerpress.importer.Importer;
import io.tickerpress.importer.ProviderFormats;
import io.tickerpress.load.SiteConfigLoader;
import io.tickerpress.load.SnapshotLoader;
import io.tickerpress.model.Limits;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TradingCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tickerpress import}: merges market-data providers' files into the history files. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Merge daily price files from a data provider into content/market/history/SYMBOL.csv: sorted,"
                + " de-duplicated, checked against the trading calendar and the existing history; each file is"
                + " replaced atomically, and nothing is written when any row is wrong.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Provider files (.csv, .txt, .json, .csv.gz).")
    List<Path> files;

    @Option(names = "--symbol", paramLabel = "SYM",
            description = "The symbol of a single-symbol file (Stooq daily, Yahoo, Nasdaq, Alpha Vantage CSV); in a"
                    + " file of many symbols, import only this one.")
    String symbol;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (default: from the header), stooq, yahoo, nasdaq, alphavantage or polygon.")
    String format;

    @Option(names = "--replace", description = "Where an imported close differs from the history, take the imported"
            + " row (default: stop with an error naming both files and lines).")
    boolean replace;

    @CommandLine.Mixin
    SourceOption sourceOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String requested = format.toLowerCase(Locale.ROOT);
        if (!requested.equals("auto") && !ProviderFormats.NAMES.contains(requested)) {
            throw Usage.error(spec, "--format", "'" + format + "' is not a format: give auto, "
                    + String.join(", ", ProviderFormats.NAMES));
        }
        String sym = symbol == null ? null : symbol.strip().toUpperCase(Locale.ROOT);
        if (sym != null && !SnapshotLoader.SYMBOL.matcher(sym).matches()) {
            throw Usage.error(spec, "--symbol", "'" + symbol + "' is not a symbol: give letters, digits, '.', '-' or"
                    + " '^', at most 12, as in --symbol SPX");
        }
        return Failures.guard(err, false, () -> {
            try {
                sourceOption.locate();
                SiteConfig config = SiteConfigLoader.load(sourceOption.dir.resolve("content"));
                Importer importer = new Importer(sourceOption.dir.resolve("content"), TradingCalendar.of(config.market()),
                        Limits.defaults().csvBytes());
                for (Importer.Summary s : importer.run(files, sym, requested.equals("auto") ? null : requested, replace)) {
                    out.println(s.line());
                }
                out.flush();
                return 0;
            } catch (Importer.MissingSymbol e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return CommandLine.ExitCode.USAGE;
            } catch (InputError e) {
                err.println("error: " + e.getMessage());
                err.println("Nothing was imported; the history files were left as they were.");
                err.flush();
                return Main.EXIT_INPUT;
            }
        });
    }
}
