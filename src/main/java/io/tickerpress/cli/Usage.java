package io.tickerpress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Usage errors: a flag or argument the command line got wrong (an unknown flag or command, a flag without its
 * value, a value that is not one the flag takes, too many or too few arguments). Each is told in one line that names
 * the flag or argument and how to put it right, and exits {@link Main#EXIT_USAGE} (2); bad files are input errors
 * (exit 1), not these. Picocli's parse errors come here as its {@link CommandLine.IParameterExceptionHandler}, and a
 * command refuses a value it cannot check while parsing (a date that is not a trading day) with {@link #error}.
 */
final class Usage implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("error: " + message(ex));
        err.flush();
        return Main.EXIT_USAGE;
    }

    /**
     * A command's refusal of one of its flags or arguments, {@code what} being the flag ({@code --date}) or the
     * argument's label ({@code DATE}); {@code problem} says what is wrong and how to put it right.
     */
    static ParameterException error(CommandSpec spec, String what, String problem) {
        return new ParameterException(spec.commandLine(), what + ": " + problem);
    }

    /** A value a flag's converter refuses: {@code problem} says what is wrong with it and what the flag takes. */
    static CommandLine.TypeConversionException badValue(String problem) {
        return new CommandLine.TypeConversionException(problem);
    }

    /** The one line (after "error: ") that tells what is wrong with the command line and how to put it right. */
    static String message(ParameterException ex) {
        CommandSpec command = ex.getCommandLine().getCommandSpec();
        String name = command.qualifiedName();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) return unmatched(u, command);
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return missing(m.getMissing().get(0), name);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
            return label(o.getOverwritten()) + " is given twice: give it once";
        }
        if (ex.getArgSpec() != null && ex.getCause() instanceof CommandLine.TypeConversionException t) {
            return label(ex.getArgSpec()) + ": " + t.getMessage();
        }
        if (ex.getArgSpec() == null && ex.getValue() != null && !command.subcommands().isEmpty()
                && !command.subcommands().containsKey(ex.getValue())) { // help NAME
            return notACommand(ex.getValue(), command, "");
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return label(ex.getArgSpec()) + ": '" + ex.getValue() + "' is not a value it takes: " + name
                    + " --help says what it takes";
        }
        return oneLine(ex.getMessage());
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u, CommandSpec command) {
        String name = command.qualifiedName();
        List<String> unmatched = u.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        List<String> suggestions = u.getSuggestions();
        String didYouMean = suggestions.isEmpty() ? "" : "did you mean " + suggestions.get(0) + "? ";
        String flag = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        if (first.startsWith("-") && first.length() > 1 && command.findOption(flag) == null) { // else given after --
            String elsewhere = otherCommandWith(flag, command);
            return name + " has no flag " + flag + ": " + didYouMean
                    + (elsewhere != null ? elsewhere + " has it; " : "") + name + " --help lists its flags";
        }
        if (!command.subcommands().isEmpty()) return notACommand(first, command, didYouMean);
        List<PositionalParamSpec> positionals = command.positionalParameters();
        String given = "'" + String.join("', '", unmatched) + "'";
        if (positionals.isEmpty()) {
            return name + " takes no arguments, but was given " + given + ": flags start with --, and "
                    + name + " --help lists them";
        }
        PositionalParamSpec last = positionals.get(positionals.size() - 1);
        return name + " takes " + describe(positionals) + " (" + about(last) + "), but was also given " + given
                + ": give one " + last.paramLabel() + ", in quotes when it has spaces";
    }

    private static String notACommand(String word, CommandSpec command, String didYouMean) {
        return "'" + word + "' is not a command of " + command.qualifiedName() + ": " + didYouMean + "the commands are "
                + String.join(", ", new ArrayList<>(command.subcommands().keySet()));
    }

    private static String missing(ArgSpec arg, String name) {
        if (arg instanceof OptionSpec option) {
            return option.longestName() + " needs a value, as in " + option.longestName() + " " + option.paramLabel()
                + ": " + about(option);
        }
        return name + " needs " + arg.paramLabel() + ": " + about(arg);
    }

    /** Which other command of the program has {@code flag}, or null: a flag given to the wrong command. */
    private static String otherCommandWith(String flag, CommandSpec command) {
        // The command line of a run holds its own subcommand only (start-up time): ask the whole one.
        return find(Main.commandLine().getCommandSpec(), flag, command.qualifiedName());
    }

    private static String find(CommandSpec spec, String flag, String except) {
        if (!spec.qualifiedName().equals(except) && spec.findOption(flag) != null
                && !flag.equals("-h") && !flag.equals("--help") && !flag.equals("-V") && !flag.equals("--version")) {
            return spec.qualifiedName();
        }
        for (CommandLine sub : spec.subcommands().values()) {
            String found = find(sub.getCommandSpec(), flag, except);
            if (found != null) return found;
        }
        return null;
    }

    /** "one NAME" or "TITLE and DATE": the arguments a command takes. */
    private static String describe(List<PositionalParamSpec> positionals) {
        List<String> labels = new ArrayList<>();
        for (PositionalParamSpec p : positionals) labels.add(p.paramLabel());
        return positionals.size() == 1 ? "one " + labels.get(0) : String.join(" and ", labels);
    }

    /** An option's or argument's own description, as a clause: "the trading day, e.g. 2026-01-20". */
    private static String about(ArgSpec arg) {
        String text = arg.description().length == 0 ? "" : String.join(" ", arg.description()).strip();
        if (arg instanceof OptionSpec o && o.defaultValue() != null) {
            text = text.replace("${DEFAULT-VALUE}", o.defaultValue());
        }
        if (text.endsWith(".")) text = text.substring(0, text.length() - 1);
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            text = text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }

    /** The flag's longest name, or the argument's label. */
    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
