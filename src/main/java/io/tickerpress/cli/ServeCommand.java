package io.tickerpress.cli;

import java.util.Locale;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.serve.PreviewServer;
import io.tickerpress.serve.StaticServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tickerpress serve}: the live-reloading preview server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the site, serve it on localhost, rebuild what changes when content/ or templates/ change,"
                + " and reload open browser tabs. Ctrl-C stops it.")
public final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    SourceOption sourceOption;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1414", converter = PortNumber.class,
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--drafts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show drafts (default: on; --no-drafts hides them).")
    boolean drafts;

    @Option(names = "--future", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show articles dated in the future (default: on; --no-future hides them).")
    boolean future;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of internal errors.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code --port}: 0 to 65535. */
    static final class PortNumber implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 0 && port <= 65535) return port;
            } catch (NumberFormatException e) {
                // told below
            }
            throw Usage.badValue("'" + value + "' is not a port number: give one from 1 to 65535, or 0 for a free one");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Failures.guard(err, verbose, () -> {
            sourceOption.locate(); // no site: stop here with the error, rather than serve a 404 for every page
            // The preview server builds into a private folder of its own; site/ is left alone.
            BuildOptions options = BuildOptions.of(sourceOption.dir, sourceOption.dir.resolve("site"))
                    .withDrafts(drafts).withFuture(future);
            CountDownLatch stopped = new CountDownLatch(1);
            PreviewServer server;
            try {
                server = new PreviewServer(options, bind, port, out);
            } catch (StaticServer.CannotListen e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return Main.EXIT_USAGE;
            }
            try (server) {
                // Ctrl-C or SIGTERM: stop the build and remove the private folder before the process ends.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    stopped.countDown();
                }, "tickerpress-serve-stop"));
                server.start();
                out.printf(Locale.ROOT, "Serving %s at http://%s:%d/ (drafts %s, future %s); building it now. Press Ctrl-C to stop.%n",
                        sourceOption.dir.toAbsolutePath().normalize(), bind.equals("127.0.0.1") ? "localhost" : bind, server.port(),
                        drafts ? "shown" : "hidden", future ? "shown" : "hidden");
                out.flush();
                stopped.await();
            }
            return 0;
        });
    }
}
