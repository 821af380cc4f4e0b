package io.tickerpress.cli;

import io.tickerpress.diag.OutOfMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The {@code tickerpress} command line. */
@Command(name = "tickerpress", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A static site generator for financial news that understands market data.")
public final class Main implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(BuildCommand.class, ServeCommand.class,
            CheckCommand.class, NewCommand.class, DeployCommand.class, ImportCommand.class, SchemaCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code for bad input: content, data or templates, or no site found; also when the Java heap is too small for the site. */
    public static final int EXIT_INPUT = 1;
    /**
     * Exit code for a usage error (picocli's own code): an unknown flag or command, a flag without its value or with
     * one it does not take, too many or too few arguments; also a port that is in use. See {@link Usage}.
     */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code when the output cannot be written (disk full, permissions). */
    public static final int EXIT_IO = 74;
    /** Exit code when Ctrl-C stopped the command (128 + SIGINT, as shells report it). */
    public static final int EXIT_STOPPED = 130;
    /** Exit code when another build is writing the same output folder (try again later). */
    public static final int EXIT_BUSY = 75;
    /** Exit code for a bug in TickerPress itself. */
    public static final int EXIT_INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name (other than help), the
     * command with that subcommand alone. Picocli reads the annotations of every subcommand it is given (and
     * loads the classes of their options), which cost a noticeable part of building a small site; no other
     * subcommand can take part in such a run.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> sub : SUBCOMMANDS) {
                if (sub != CommandLine.HelpCommand.class && sub.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(sub));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine line = new CommandLine(new Main());
        subcommands.forEach(line::addSubcommand);
        // after the subcommands: picocli gives the handler to every command then in the tree
        return line.setCaseInsensitiveEnumValuesAllowed(true).setParameterExceptionHandler(new Usage());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        OutOfMemory.reserve(); // before any work: loading the class when the heap has run out would fail itself
        System.exit(commandLine(args).execute(args));
    }
}
