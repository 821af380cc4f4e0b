package io.tickerpress.cli;

import io.tickerpress.diag.InputError;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Turns exceptions into what the user should see: user errors as one clear line, bugs with a report hint. */
final class Failures {
    private Failures() {
    }

    static int guard(PrintWriter err, boolean verbose, Callable<Integer> action) {
        try {
            return action.call();
        } catch (InputError e) {
            err.println("error: " + e.getMessage());
            err.println("Build failed; the previous output was left as it was.");
            err.flush();
            return Main.EXIT_INPUT;
        } catch (io.tickerpress.write.StagingFolder.WriteFailure e) {
            err.println("error: " + e.getMessage());
            err.println("Build failed; the previous output was left as it was.");
            err.flush();
            return Main.EXIT_IO;
        } catch (io.tickerpress.pipeline.Progress.Stopped e) {
            err.println("Stopped.");
            err.flush();
            return Main.EXIT_STOPPED;
        } catch (io.tickerpress.write.OutputLock.Busy e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_BUSY;
        } catch (Exception | Error e) {
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
    }
}
