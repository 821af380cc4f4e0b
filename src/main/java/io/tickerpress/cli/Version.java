package io.tickerpress.cli;

import picocli.CommandLine;

/**
 * Reads the version from the jar's manifest (or "dev" when run from classes), and names the Java that runs it (the
 * launcher chooses one: README, "Which Java").
 */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"tickerpress " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ", "
                + System.getProperty("java.home") + ")"};
    }
}
