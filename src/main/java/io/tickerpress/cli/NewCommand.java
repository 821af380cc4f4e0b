package io.tickerpress.cli;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.DateValues;
import io.tickerpress.load.SiteConfigLoader;
import io.tickerpress.load.SnapshotLoader;
import io.tickerpress.load.Slugs;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TradingCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tickerpress new}: scaffolding for articles, snapshots and whole sites. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create an article, a market snapshot or a starter site.",
        subcommands = {NewCommand.ArticleCmd.class, NewCommand.SnapshotCmd.class, NewCommand.SiteCmd.class})
public final class NewCommand implements Runnable {
    /** The clock used for "now"; tests replace it. */
    static Clock clock = Clock.systemUTC();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "tickerpress new needs what to create:"
                + " article, snapshot or site, as in tickerpress new article \"Headline\"");
    }

    @Command(name = "article", mixinStandardHelpOptions = true,
            description = "Write content/articles/YYYY-MM-DD-slug.md: front matter with the title, the time now in the"
                    + " site's time zone, empty key points and draft: true. Prints its path.")
    static final class ArticleCmd implements Callable<Integer> {
        @Parameters(paramLabel = "TITLE", description = "The headline, e.g. \"Russell 2000 Hits Record\".")
        String title;

        @picocli.CommandLine.Option(names = "--date", paramLabel = "WHEN", description = "Publication time instead of now:"
                + " 2026-01-20T06:04:00-05:00, or 2026-01-20 06:04 or 2026-01-20 in the site's time zone.")
        String when;

        @picocli.CommandLine.Option(names = "--tickers", paramLabel = "SYM", split = ",",
                description = "Symbols the story is about, e.g. --tickers RUT,SPX.")
        java.util.List<String> tickers = new java.util.ArrayList<>();

        @picocli.CommandLine.Mixin
        SourceOption sourceOption;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return Failures.guard(spec.commandLine().getErr(), false, () -> "No file was written.", () -> {
                String slug = Slugs.slugify(title);
                if (slug.isEmpty()) {
                    throw Usage.error(spec, "TITLE", "'" + oneLine(title) + "' has no Latin letters or digits to make a"
                            + " file name from (file names and URLs use a-z and 0-9; accents are dropped): add a few Latin"
                            + " words to the title, or write the file by hand with a 'slug:' field");
                }
                String symbols = String.join(", ", tickerList(tickers, spec));
                sourceOption.locate();
                SiteConfig config = SiteConfigLoader.load(sourceOption.dir.resolve("content"));
                ZonedDateTime now = when == null
                        ? ZonedDateTime.now(clock.withZone(config.timezone())).truncatedTo(ChronoUnit.MINUTES)
                        : articleDate(when, config, spec);
                Path file = sourceOption.dir.resolve("content/articles").resolve(now.toLocalDate() + "-" + slug + ".md");
                String text = "---\n"
                        + "title: " + yamlString(oneLine(title)) + "\n"
                        + "date: " + now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
                        + "dateline: \"\"\n"
                        + "author: \"\"\n"
                        + "summary: []\n"
                        + "tags: []\n"
                        + "tickers: [" + symbols + "]\n"
                        + "draft: true\n"
                        + "---\n"
                        + "Write the story here. Figures can come from the data: {{</* quote SPX close */>}}.\n";
                createAndShow(out, file, text);
                return 0;
            });
        }
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = "Write content/market/DATE.json for a trading day, pre-filled from the history: every symbol"
                    + " with a row that day, its figures, change and %% change; sectors and stock of the day left empty."
                    + " Refuses weekends and exchange holidays, saying why.")
    static final class SnapshotCmd implements Callable<Integer> {
        @Parameters(paramLabel = "DATE", description = "The trading day, e.g. 2026-01-20.")
        String date;

        @picocli.CommandLine.Mixin
        SourceOption sourceOption;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return Failures.guard(spec.commandLine().getErr(), false, () -> "No file was written.", () -> {
                LocalDate day = DateValues.parseDate(date).orElseThrow(() ->
                        Usage.error(spec, "DATE", io.tickerpress.load.DateProblems.why(date)
                                .map(why -> "'" + date + "' is not a real date: " + why)
                                .orElse("'" + date + "' is not a date: write one such as 2026-01-20")));
                sourceOption.locate();
                SiteConfig config = SiteConfigLoader.load(sourceOption.dir.resolve("content"));
                TradingCalendar calendar = TradingCalendar.of(config.market());
                calendar.closedReason(day).ifPresent(reason -> { // the site's calendar says so: its input (exit 1)
                    throw new InputError("DATE", day + " is not a trading day: " + reason);
                });
                Path file = sourceOption.dir.resolve("content/market").resolve(day + ".json");
                if (Files.exists(file)) throw new InputError(Diagnostics.display(file), "already exists; not replaced");
                io.tickerpress.model.MarketData data = new io.tickerpress.load.MarketLoader(calendar, new Diagnostics(),
                        io.tickerpress.model.Limits.defaults(), false).load(sourceOption.dir.resolve("content"));
                String json = io.tickerpress.derive.SnapshotDraft.json(day, data, config.market(), calendar);
                createAndShow(out, file, json);
                return 0;
            });
        }
    }

    @Command(name = "site", mixinStandardHelpOptions = true,
            description = "Write a minimal starter site into DIR (site.yaml, a first article, a market snapshot) that builds.")
    static final class SiteCmd implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Folder for the new site; must not hold a content/ folder yet.")
        Path dir;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (dir.toString().isBlank()) {
                throw Usage.error(spec, "DIR", "'' is not a folder name: name the folder for the new site (. for the working folder)");
            }
            return Failures.guard(spec.commandLine().getErr(), false, () -> {
                if (Files.exists(dir.resolve("content"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new InputError(Diagnostics.display(dir.resolve("content")), "already exists: choose an empty folder");
                }
                StarterSite starter = new StarterSite(dir);
                try {
                    ZonedDateTime now = ZonedDateTime.now(clock.withZone(SnapshotLoader.NEW_YORK))
                            .truncatedTo(ChronoUnit.MINUTES);
                    TradingCalendar calendar = TradingCalendar.nyse();
                    LocalDate day = now.toLocalDate();
                    if (!calendar.isTradingDay(day) || now.toLocalTime().isBefore(calendar.closeTime(day))) day = calendar.previousTradingDay(day);
                    starter.write("site.yaml", """
                            # Site settings: every field is documented in the TickerPress README.
                            title: My Market News
                            description: Markets news built with TickerPress.
                            # Placeholder: put the site's public address here before publishing (build warns while it is localhost).
                            baseUrl: http://localhost:1414/
                            language: en
                            timezone: America/New_York
                            paginate: 10
                            """);
                    starter.write("articles/" + now.toLocalDate() + "-welcome.md", """
                            ---
                            title: Welcome to Your New Market News Site
                            date: %s
                            dateline: NEW YORK
                            summary:
                              - This site was made by tickerpress new site.
                              - Articles live in content/articles, market data in content/market.
                            tags: [Getting Started]
                            tickers: [SPX]
                            ---
                            The S&P 500 closed at {{< quote SPX close >}} on {{< quote SPX date >}}: that figure comes
                            from the snapshot in `content/market/`, so it can never disagree with the data.

                            Write a new story with `tickerpress new article "Headline"`, then preview it with
                            `tickerpress serve`.
                            """.formatted(now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
                    starter.write("market/" + day + ".json", """
                            {
                              "date": "%s",
                              "indices": [{"symbol": "SPX", "name": "S&P 500", "close": 6000.00}],
                              "quotes": [],
                              "sectors": [],
                              "stockOfTheDay": []
                            }
                            """.formatted(day));
                    starter.finish();
                    out.println("Created a starter site in " + Diagnostics.display(dir));
                    out.println("Next: tickerpress build --source " + Diagnostics.display(dir) + " --output "
                            + Diagnostics.display(dir.resolve("site")));
                    return 0;
                } finally {
                    starter.undoUnlessFinished();
                }
            });
        }
    }

    /**
     * A starter site made all or nothing: its files are written into a new folder beside {@code content/}
     * ({@code .content.new-PID-N}), which becomes {@code content/} by one rename when all are written. A failure
     * part-way removes that folder and the folders made for the site (DIR and the ones above it that did not
     * exist), and nothing that existed before.
     */
    static final class StarterSite {
        private final Path dir;
        private final Path content;
        /** The folders this command made, outermost first. */
        private final List<Path> madeFolders = new ArrayList<>();
        private Path temp;
        private boolean finished;

        StarterSite(Path dir) {
            this.dir = dir;
            this.content = dir.resolve("content");
        }

        /** Writes a file of the site, {@code name} relative to {@code content/}. */
        void write(String name, String text) {
            if (temp == null) open();
            createNew(temp.resolve(name), content.resolve(name), text);
        }

        private void open() {
            Path absolute = dir.toAbsolutePath().normalize();
            List<Path> missing = new ArrayList<>();
            for (Path p = absolute; p != null && !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
                missing.add(0, p);
            }
            try {
                for (Path p : missing) {
                    Files.createDirectory(p);
                    madeFolders.add(p);
                }
            } catch (IOException e) {
                throw folderProblem(dir, e);
            }
            for (int n = 0; temp == null; n++) {
                Path candidate = dir.resolve(".content.new-" + ProcessHandle.current().pid() + "-" + n);
                try {
                    temp = Files.createDirectory(candidate); // the umask's modes, which content/ keeps
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (n > 100) throw new io.tickerpress.write.StagingFolder.WriteFailure("cannot create a folder in "
                            + Diagnostics.display(dir) + ": " + Failures.reason(e), e);
                } catch (IOException e) {
                    throw folderProblem(dir, e);
                }
            }
        }

        /** Renames the written folder to {@code content/}: the site appears whole. */
        void finish() {
            try {
                Files.move(temp, content, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                throw new InputError(Diagnostics.display(content), "already exists: choose an empty folder");
            } catch (IOException e) {
                throw new io.tickerpress.write.StagingFolder.WriteFailure("cannot create " + Diagnostics.display(content)
                        + ": " + Failures.reason(e), e);
            }
            finished = true;
        }

        /** After a failure: removes the written folder and the folders made for it, innermost first. */
        void undoUnlessFinished() {
            if (finished) return;
            try {
                if (temp != null) io.tickerpress.write.Trees.delete(temp);
                for (int i = madeFolders.size() - 1; i >= 0; i--) Files.deleteIfExists(madeFolders.get(i));
            } catch (IOException | RuntimeException e) {
                // the error being reported says what failed; what could not be removed is left (never more)
            }
        }
    }

    /** {@code --date}: a date-time or date in the site's time zone, like front matter's {@code date}. */
    static ZonedDateTime articleDate(String text, SiteConfig config, picocli.CommandLine.Model.CommandSpec spec) {
        try {
            return DateValues.parse(text, config.timezone()).orElseThrow(() -> Usage.error(spec, "--date", "'" + text
                    + "' is not a date: write 2026-01-20T06:04:00-05:00, or 2026-01-20 06:04 or 2026-01-20 in the site's"
                    + " time zone"));
        } catch (java.time.DateTimeException e) {
            throw Usage.error(spec, "--date", "'" + text + "': " + e.getMessage());
        }
    }

    /** {@code --tickers}: upper-cased symbols, each checked, without repeats. */
    static java.util.List<String> tickerList(java.util.List<String> given, picocli.CommandLine.Model.CommandSpec spec) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String t : given) {
            String symbol = t.strip().toUpperCase(java.util.Locale.ROOT);
            if (symbol.isEmpty()) continue;
            if (!SnapshotLoader.SYMBOL.matcher(symbol).matches()) {
                throw Usage.error(spec, "--tickers", "'" + t + "' is not a symbol: give letters, digits, '.', '-' or"
                        + " '^', at most 12, as in --tickers SPX,AAPL");
            }
            if (!out.contains(symbol)) out.add(symbol);
        }
        return out;
    }

    /**
     * A headline is one line: every run of white space, line and paragraph separators and control characters
     * becomes one space. A control character in the YAML was an error of the next build ("special characters are
     * not allowed"), a file {@code new} had written.
     */
    static String oneLine(String s) {
        return s.replaceAll("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
    }

    static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Writes a new file and prints its path, as the scaffolding commands promise. */
    static void createAndShow(PrintWriter out, Path file, String text) {
        createNew(file, text);
        out.println(Diagnostics.display(file));
    }

    /**
     * Writes a new file; never replaces an existing one. A file or a broken link where a folder must be is the
     * user's input (exit 1); a folder or file that cannot be written otherwise is a write failure (exit 74).
     */
    static void createNew(Path file, String text) {
        createNew(file, file, text);
    }

    /** As {@link #createNew(Path, String)}, naming the file as {@code shownAs} (where it is going) in errors. */
    private static void createNew(Path file, Path shownAs, String text) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw folderProblem(file.getParent(), e);
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new InputError(Diagnostics.display(shownAs), "already exists; not replaced");
        } catch (IOException e) {
            throw new io.tickerpress.write.StagingFolder.WriteFailure("cannot write " + Diagnostics.display(shownAs)
                    + ": " + Failures.reason(e), e);
        }
    }

    /** Why {@code folder} could not be made: the first thing in its way that is not a folder, else the system's reason. */
    private static RuntimeException folderProblem(Path folder, IOException e) {
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) break;
            if (Files.isSymbolicLink(p)) {
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException unreadable) {
                    target = "a place that cannot be read";
                }
                return new InputError(Diagnostics.display(p), "is a symbolic link to " + target + ", which is not a"
                        + " folder: choose another folder, or remove the link");
            }
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return new InputError(Diagnostics.display(p), "is a file, not a folder: choose another folder");
            }
        }
        return new io.tickerpress.write.StagingFolder.WriteFailure("cannot create the folder "
                + Diagnostics.display(folder) + ": " + Failures.reason(e), e);
    }

}
