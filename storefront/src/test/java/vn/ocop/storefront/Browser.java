package vn.ocop.storefront;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium through its chromedriver, both named explicitly so Selenium Manager never
 * downloads anything; its scratch files stay under target/. Override the paths with
 * -Docop.test.chromium / -Docop.test.chromedriver.
 */
public final class Browser {

    public static final int PHONE_WIDTH = 390;

    private Browser() {
    }

    public static ChromeDriver start() {
        try {
            Path scratch = Files.createDirectories(Path.of("target/chrome-env").toAbsolutePath());
            String driver = System.getProperty("ocop.test.chromedriver", "/usr/bin/chromedriver");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driver))
                    .usingAnyFreePort()
                    .withEnvironment(Map.of(
                            "TMPDIR", Files.createDirectories(scratch.resolve("tmp")).toString(),
                            "XDG_CONFIG_HOME", Files.createDirectories(scratch.resolve("config")).toString(),
                            "XDG_CACHE_HOME", Files.createDirectories(scratch.resolve("cache")).toString()))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("ocop.test.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1024,900",
                    "--user-data-dir=" + Files.createTempDirectory(scratch, "profile-"));
            // a phone's viewport (headless windows narrower than ~500 px are widened, emulation is not)
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", PHONE_WIDTH, "height", 844, "pixelRatio", 3.0)));
            return new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot prepare chromium's scratch directory", e);
        }
    }
}
