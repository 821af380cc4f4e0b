package io.tickerpress.cli;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.diag.OutOfMemory;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Turns exceptions into what the user should see: user errors as one clear line, followed (where the command
 * says) by a line telling what was not done; bugs with a report hint.
 */
final class Failures {
    private Failures() {
    }

    static int guard(PrintWriter err, boolean verbose, Callable<Integer> action) {
        return guard(err, verbose, () -> null, action);
    }

    /**
     * @param notDone after an input or write error, the line saying what the command did not do (worked out
     *                when the error happens), or null for none
     */
    static int guard(PrintWriter err, boolean verbose, Supplier<String> notDone, Callable<Integer> action) {
        try {
            return action.call();
        } catch (picocli.CommandLine.ParameterException e) {
            throw e; // a usage error the command found: picocli reports it (Usage), exit 2
        } catch (InputError e) {
            return report(err, e.getMessage(), notDone, Main.EXIT_INPUT);
        } catch (io.tickerpress.write.StagingFolder.WriteFailure e) {
            return report(err, e.getMessage(), notDone, Main.EXIT_IO);
        } catch (io.tickerpress.pipeline.Progress.Stopped e) {
            err.println("Stopped.");
            err.flush();
            return Main.EXIT_STOPPED;
        } catch (io.tickerpress.write.OutputLock.Busy e) {
            return report(err, e.getMessage(), () -> null, Main.EXIT_BUSY);
        } catch (Exception | Error e) {
            String unnamed = unnameable(e);
            if (unnamed != null) {
                // Not a bug: Java names files in the locale's character set, and this one lacks the file's letters.
                return report(err, "cannot name the file " + unnamed + ": this system's locale names files in "
                        + System.getProperty("sun.jnu.encoding") + ", which lacks some of its letters; run TickerPress"
                        + " under a UTF-8 locale, for example LC_ALL=C.UTF-8 java -jar tickerpress.jar ... (the"
                        + " tickerpress launcher does it)", notDone, Main.EXIT_IO);
            }
            OutOfMemoryError oom = OutOfMemory.find(e);
            if (oom != null) {
                OutOfMemory.free();
                return report(err, OutOfMemory.message("TickerPress", oom), notDone, Main.EXIT_INPUT);
            }
            return internal(err, verbose, e);
        }
    }

    /** Why a file or folder could not be read or written, in the user's words ("permission denied"). */
    static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.FileSystemLoopException loop) {
            return "a link in it leads back to a folder above it (" + loop.getFile() + ")";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return String.valueOf(e.getMessage());
    }

    /**
     * The file a failure could not name because file names are written in a character set other than UTF-8 (a
     * JVM started under the C or POSIX locale), or null for any other failure.
     */
    private static String unnameable(Throwable e) {
        String charset = System.getProperty("sun.jnu.encoding", "");
        if (charset.isEmpty() || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8")) return null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.InvalidPathException p) return p.getInput();
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static int internal(PrintWriter err, boolean verbose, Throwable e) {
        err.println("internal error: " + e);
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("This is a bug in TickerPress. Run again with --verbose and report the stack trace"
                    + " together with the input that caused it.");
        }
        err.flush();
        return Main.EXIT_INTERNAL;
    }

    private static int report(PrintWriter err, String message, Supplier<String> notDone, int code) {
        err.println("error: " + message);
        String line = notDone.get();
        if (line != null) err.println(line);
        err.flush();
        return code;
    }

    /**
     * What a failed build did not do, as it stands when it failed: a failed build never touches the output, so
     * an output that is a site TickerPress published is the previous site, left as it was; any other output
     * (a folder the build refused, the root of the file system) had nothing published to it.
     */
    static Supplier<String> buildNotDone(Supplier<Path> output) {
        return () -> {
            Path out = output.get();
            if (out != null && isSite(out)) {
                return "Build failed; the previous site in " + Diagnostics.display(out) + " was left as it was.";
            }
            return "Build failed; nothing was published" + (out == null ? "." : " to " + Diagnostics.display(out) + ".");
        };
    }

    /** A site a build published: the link to a complete version, or the folder an older TickerPress wrote. */
    private static boolean isSite(Path out) {
        try {
            Path abs = out.toAbsolutePath().normalize();
            if (abs.getParent() == null) return false;
            return io.tickerpress.write.PublishedOutput.version(abs).isPresent()
                    || !Files.isSymbolicLink(abs) && Files.isRegularFile(abs.resolve(io.tickerpress.write.StagingFolder.MARKER));
        } catch (RuntimeException e) {
            return Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
