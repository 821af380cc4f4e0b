package io.tickerpress.cli;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Usage errors exit 2 with one line that names the flag or argument and how to put it right; bad files exit 1.
 * A wrong flag value used to exit 1 (new article --date, --tickers, build --base-url, new snapshot DATE) or print
 * picocli's message and the whole usage ("'abc' is not an int", "cannot convert 'x' to class java.time.Instant").
 * Every command and every flag of the program is tried: the expected messages below are the wording the brief asks
 * for, written by hand.
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    /** Every command of the program, as its words on the command line ("new article"). */
    private static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(Main.commandLine().getCommandSpec(), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandSpec spec, List<String> words, List<List<String>> out) {
        out.add(words);
        spec.subcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) return;
            List<String> more = new ArrayList<>(words);
            more.add(name);
            collect(sub.getCommandSpec(), more, out);
        });
    }

    private static CommandSpec spec(List<String> words) {
        CommandSpec spec = Main.commandLine().getCommandSpec();
        for (String w : words) spec = spec.subcommands().get(w).getCommandSpec();
        return spec;
    }

    private static CliTest.Run run(List<String> words, String... more) {
        List<String> args = new ArrayList<>(words);
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    /** Exit 2, nothing on standard output, and one line on standard error: "error: " and what is wrong. */
    private static String oneUsageLine(CliTest.Run r, String what) {
        assertEquals(Main.EXIT_USAGE, r.code(), what + ": " + r.err());
        assertEquals("", r.out(), what);
        assertTrue(r.err().startsWith("error: ") && r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
                what + ": one line: " + r.err());
        return r.err().strip();
    }

    @Test
    void everyCommandRefusesAnUnknownFlagInOneLine() {
        List<List<String>> commands = commands();
        assertTrue(commands.size() >= 11, "the tree: " + commands); // top, 7 commands, 3 of new
        for (List<String> words : commands) {
            List<String> args = new ArrayList<>(words);
            // a command's required argument (TITLE, DATE, NAME...) given: else picocli reports that it is missing
            spec(words).positionalParameters().forEach(p -> args.add("x"));
            String line = oneUsageLine(run(args, "--no-such-flag"), words + " --no-such-flag");
            String name = String.join(" ", List.of("tickerpress", String.join(" ", words))).strip();
            assertEquals("error: " + name + " has no flag --no-such-flag: " + name + " --help lists its flags", line);
        }
    }

    @Test
    void everyFlagThatTakesAValueSaysSoWhenItHasNone() {
        int seen = 0;
        for (List<String> words : commands()) {
            for (OptionSpec o : spec(words).options()) {
                if (o.arity().max() == 0 || o.usageHelp() || o.versionHelp()) continue;
                String line = oneUsageLine(run(words, o.longestName()), words + " " + o.longestName());
                assertTrue(line.startsWith("error: " + o.longestName() + " needs a value, as in " + o.longestName() + " "
                        + o.paramLabel() + ": "), line);
                seen++;
            }
        }
        // build: --source --output --base-url --now; serve: --source --port --bind; check: --source --site;
        // new article: --date --tickers --source; new snapshot: --source; deploy: --source --site --target
        // --max-deletes; import: --symbol --format --source.
        assertEquals(4 + 3 + 2 + 3 + 1 + 4 + 3, seen);
    }

    /** Each flag whose value is not any text (a number, a time, a URL) refuses one that is not, naming the flag. */
    @Test
    void everyTypedFlagRefusesAValueItDoesNotTake() {
        Set<Class<?>> anyText = Set.of(String.class, Path.class);
        List<String> tried = new ArrayList<>();
        for (List<String> words : commands()) {
            for (OptionSpec o : spec(words).options()) {
                if (o.arity().max() == 0 || o.usageHelp() || o.versionHelp()) continue;
                if (anyText.contains(o.type()) && o.converters().length == 0) continue;
                if (List.class.isAssignableFrom(o.type())) continue;
                String line = oneUsageLine(run(words, o.longestName(), "bogus"), words + " " + o.longestName());
                assertTrue(line.startsWith("error: " + o.longestName() + ": ") && line.contains("'bogus'"), line);
                tried.add(o.longestName());
            }
        }
        assertEquals(List.of("--base-url", "--now", "--port", "--max-deletes"), tried);
    }

    @Test
    void wrongNumbersOfArgumentsAndUnknownCommands() {
        assertEquals("error: tickerpress build takes no arguments, but was given 'site': flags start with --, and"
                + " tickerpress build --help lists them", oneUsageLine(CliTest.run("build", "site"), "build site"));
        for (String command : List.of("serve", "check", "deploy")) {
            oneUsageLine(CliTest.run(command, "x"), command + " x");
        }
        assertEquals("error: tickerpress new article takes one TITLE (the headline, e.g. \"Russell 2000 Hits Record\"),"
                        + " but was also given 'Caps', 'Rally': give one TITLE, in quotes when it has spaces",
                oneUsageLine(CliTest.run("new", "article", "Small", "Caps", "Rally"), "unquoted title"));
        assertEquals("error: tickerpress schema needs NAME: site, snapshot or article",
                oneUsageLine(CliTest.run("schema"), "schema"));
        assertEquals("error: tickerpress new snapshot needs DATE: the trading day, e.g. 2026-01-20",
                oneUsageLine(CliTest.run("new", "snapshot"), "new snapshot"));
        oneUsageLine(CliTest.run("new", "site"), "new site");
        oneUsageLine(CliTest.run("new", "site", "a", "b"), "new site a b");
        oneUsageLine(CliTest.run("import"), "import");
        assertEquals("error: 'bild' is not a command of tickerpress: did you mean build? the commands are build, serve,"
                + " check, new, deploy, import, schema, help", oneUsageLine(CliTest.run("bild"), "bild"));
        assertEquals("error: 'frob' is not a command of tickerpress: the commands are build, serve, check, new, deploy,"
                + " import, schema, help", oneUsageLine(CliTest.run("help", "frob"), "help frob"));
        assertEquals("error: 'post' is not a command of tickerpress new: the commands are article, snapshot, site",
                oneUsageLine(CliTest.run("new", "post"), "new post"));
        assertEquals("error: tickerpress new needs what to create: article, snapshot or site, as in tickerpress new"
                + " article \"Headline\"", oneUsageLine(CliTest.run("new"), "new"));
        assertEquals("error: tickerpress build has no flag --port: tickerpress serve has it; tickerpress build --help"
                + " lists its flags", oneUsageLine(CliTest.run("build", "--port", "8080"), "build --port"));
        assertEquals("error: tickerpress build has no flag --sorce: did you mean --source? tickerpress build --help"
                + " lists its flags", oneUsageLine(CliTest.run("build", "--sorce", "x"), "build --sorce"));
    }

    @Test
    void flagValuesTheCommandChecksAreUsageErrorsToo() throws Exception {
        Path site = TestSites.site(dir.resolve("s"), Map.of());
        String src = site.toString();
        assertEquals("error: --port: 'abc' is not a port number: give one from 1 to 65535, or 0 for a free one",
                oneUsageLine(CliTest.run("serve", "--source", src, "--port", "abc"), "--port abc"));
        assertEquals("error: --port: '65536' is not a port number: give one from 1 to 65535, or 0 for a free one",
                oneUsageLine(CliTest.run("serve", "--source", src, "--port", "65536"), "--port 65536"));
        assertEquals("error: --now: 'yesterday' is not an instant: write one such as 2026-01-20T16:00:00Z",
                oneUsageLine(CliTest.run("build", "--source", src, "--now", "yesterday"), "--now"));
        assertEquals("error: --max-deletes: '-2' is not a number of files: give a whole number (0 or more), or -1 for"
                + " no limit", oneUsageLine(CliTest.run("deploy", "--source", src, "--max-deletes", "-2"), "--max-deletes"));
        assertEquals("error: --base-url: must be an absolute http(s) URL such as https://news.example.com/, not"
                + " 'news.example.com'", oneUsageLine(CliTest.run("build", "--source", src, "--base-url",
                "news.example.com"), "--base-url"));
        assertEquals("error: --date: 'next tuesday' is not a date: write 2026-01-20T06:04:00-05:00, or 2026-01-20 06:04"
                + " or 2026-01-20 in the site's time zone", oneUsageLine(CliTest.run("new", "article", "Rally", "--date",
                "next tuesday", "--source", src), "--date"));
        assertEquals("error: --tickers: 'S&P' is not a symbol: give letters, digits, '.', '-' or '^', at most 12, as in"
                + " --tickers SPX,AAPL", oneUsageLine(CliTest.run("new", "article", "Rally", "--tickers", "S&P",
                "--source", src), "--tickers"));
        assertEquals("error: DATE: 'Jan 20' is not a date: write one such as 2026-01-20",
                oneUsageLine(CliTest.run("new", "snapshot", "Jan 20", "--source", src), "DATE"));
        assertEquals("error: --format: 'bloomberg' is not a format: give auto, stooq, yahoo, nasdaq, alphavantage,"
                + " polygon", oneUsageLine(CliTest.run("import", "x.csv", "--format", "bloomberg", "--source", src),
                "--format"));
        assertEquals("error: NAME: 'digest' is not a schema: give site, snapshot or article",
                oneUsageLine(CliTest.run("schema", "digest"), "schema digest"));
        assertFalse(Files.exists(site.resolve("content/articles")), "nothing written");
        assertFalse(Files.exists(site.resolve("site")), "nothing built");
    }

    /** Bad files stay input errors: exit 1, with the line saying what was not done. */
    @Test
    void badFilesStayInputErrors() {
        Path site = TestSites.site(dir.resolve("s"), Map.of("content/articles/2026-01-05-a.md",
                "---\ntitle: [A\ndate: 2026-01-05T09:00:00-05:00\n---\nx\n"));
        CliTest.Run r = CliTest.run("build", "--source", site.toString(), "--output", dir.resolve("out").toString(),
                "--now", Instant.parse("2026-02-01T00:00:00Z").toString());
        assertEquals(Main.EXIT_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("2026-01-05-a.md"), r.err());
        assertTrue(r.err().contains("\nBuild failed; nothing was published"), r.err());
    }
}
