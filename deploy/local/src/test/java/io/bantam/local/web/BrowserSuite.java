package io.bantam.local.web;

import com.microsoft.playwright.BrowserContext;
import io.bantam.local.system.Api;
import io.bantam.local.system.RunningSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser suite starts from: the one running system, the one Chromium, the gateway, and a browser
 * context of the test's own (made by the test, e.g. {@code browser.context(gateway.baseUrl(), zone, Ui.DESKTOP)}),
 * closed after it. The suites run one after another (their {@code @Order}), so the shared fields are theirs in turn.
 */
@ExtendWith({RunningSystem.Shared.class, WebBrowser.Shared.class})
abstract class BrowserSuite {

    static RunningSystem system;
    static WebBrowser browser;
    static Api gateway;

    BrowserContext context;

    @BeforeAll
    static void theSystem(RunningSystem running, WebBrowser chromium) {
        system = running;
        browser = chromium;
        gateway = running.gateway();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }
}
