package io.tickerpress.web;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * External tools the web tests run: the W3C Nu HTML checker (from the npm package vnu-jar) and Debian's
 * Chromium. In CI (CI set) a missing tool fails the test; on a developer's machine the test is skipped with
 * the command that installs it. Call the {@code require} methods inside each test (or in {@code @BeforeEach}),
 * never only in {@code @BeforeAll}: an assumption there hides the class's tests from the count instead of
 * reporting them as skipped. The system properties {@code tickerpress.test.chromium} and
 * {@code tickerpress.test.chromedriver} point at other binaries (or at none, to try the missing case).
 */
public final class Tools {
    static final String VNU_VERSION = "26.9.27";
    public static final Path CHROMIUM = Path.of(System.getProperty("tickerpress.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("tickerpress.test.chromedriver", "/usr/bin/chromedriver"));

    private Tools() {
    }

    /**
     * A headless Chromium under ChromeDriver, its profile in {@code profile}, its console messages kept (read them
     * with {@code driver.manage().logs().get(LogType.BROWSER)}). Call only when {@link #hasChromium()}.
     */
    public static org.openqa.selenium.chrome.ChromeDriver headlessChromium(Path profile) {
        org.openqa.selenium.chrome.ChromeOptions options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        org.openqa.selenium.chrome.ChromeDriverService service = new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new org.openqa.selenium.chrome.ChromeDriver(service, options);
    }

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equals("false");
    }

    /** vnu.jar, fetched once with npm into target/tools/ when it is not there yet. */
    static Path vnu() throws IOException, InterruptedException {
        Path dir = Path.of("target/tools/vnu-" + VNU_VERSION).toAbsolutePath();
        Path jar = dir.resolve("package/build/dist/vnu.jar");
        if (Files.isRegularFile(jar)) return jar;
        Files.createDirectories(dir);
        int npm = run(dir, "npm", "pack", "--silent", "vnu-jar@" + VNU_VERSION);
        if (npm != 0) {
            require(false, "could not fetch vnu-jar@" + VNU_VERSION + " with npm (install Node.js and npm)");
        }
        int tar = run(dir, "tar", "xzf", "vnu-jar-" + VNU_VERSION + ".tgz");
        require(tar == 0 && Files.isRegularFile(jar), "could not unpack vnu-jar");
        return jar;
    }

    public static boolean hasChromium() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test off CI, fails it on CI, when Chromium or ChromeDriver is missing. */
    public static void requireChromium() {
        require(hasChromium(), "Chromium and ChromeDriver are needed (looked for " + CHROMIUM + " and " + CHROMEDRIVER
                + "): apt-get install chromium chromium-driver");
    }

    private static void require(boolean ok, String why) {
        if (inCi()) {
            if (!ok) throw new AssertionError(why);
        } else {
            Assumptions.assumeTrue(ok, why);
        }
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
