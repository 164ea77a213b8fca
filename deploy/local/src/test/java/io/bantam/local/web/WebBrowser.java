package io.bantam.local.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium for the browser tests, driven by Playwright for Java: Debian's {@code chromium} package (or
 * {@code BANTAM_CHROMIUM}), never a browser Playwright downloads. One browser per test JVM, shared like the one
 * {@code RunningSystem}; each test opens its own {@link BrowserContext} (its own cookies, zone and width).
 *
 * <p>Without a Chromium the browser tests fail, on CI and elsewhere alike, naming the command that installs one:
 * they never skip ({@code .ci/run} installs it).
 */
public final class WebBrowser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebBrowser.class);

    /** Where Debian's {@code chromium} package puts its launcher. */
    static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private WebBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The Chromium the tests use: {@code BANTAM_CHROMIUM}, else Debian's; fails (never skips) without one. */
    static Path chromium() {
        String configured = System.getenv("BANTAM_CHROMIUM");
        Path path = configured == null || configured.isBlank() ? DEBIAN_CHROMIUM : Path.of(configured);
        if (!Files.isExecutable(path)) {
            throw new AssertionError("The browser tests need Chromium and there is none at " + path
                    + ": install it with `apt-get install -y chromium` (or set BANTAM_CHROMIUM to a Chromium)");
        }
        return path;
    }

    static WebBrowser launch() {
        Path executable = chromium();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
            log.info("Browser tests: {} {} (Playwright for Java)", executable, browser.version());
            return new WebBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh context: its own cookie jar, the person's time zone, a window {@code width} pixels wide. */
    public BrowserContext context(String baseUrl, String timeZone, int width) {
        return browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setTimezoneId(timeZone)
                .setLocale("en-US")
                .setViewportSize(width, 900));
    }

    public String version() {
        return browser.version();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    /** Resolves a {@link WebBrowser} parameter with the one browser of this run, closed when the run ends. */
    public static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Shared.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == WebBrowser.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(Launched.class, key -> new Launched(launch()), Launched.class)
                    .browser();
        }

        /** Closes the browser with the root store. */
        private record Launched(WebBrowser browser) implements AutoCloseable {
            @Override
            public void close() {
                browser.close();
            }
        }
    }
}
