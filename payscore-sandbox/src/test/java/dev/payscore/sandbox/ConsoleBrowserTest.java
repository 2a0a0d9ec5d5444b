package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.Discount;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: headless Chromium (Debian's chromium and chromium-driver) through
 * Selenium, against a running sandbox, playing the user in a phone-sized window. Screenshots go to
 * target/console/. Without a browser it is skipped with a message, unless -Dpayscore.browser=required
 * (as .ci/run sets it), which makes a missing browser a failure.
 */
class ConsoleBrowserTest {
  static final Path DRIVER = Paths.get("/usr/bin/chromedriver");
  static final Path[] BROWSERS = {Paths.get("/usr/lib/chromium/chromium"), Paths.get("/usr/bin/chromium")};

  /** Held, so that the level set on it is not lost with a collected logger. */
  static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  PayScoreSandbox sandbox;
  PayScoreClient client;
  MockWebServer merchant;
  WebDriver browser;
  Path shots;

  @BeforeEach
  void start(@TempDir Path profile) throws Exception {
    Path binary = null;
    for (Path candidate : BROWSERS) {
      if (binary == null && Files.isExecutable(candidate)) {
        binary = candidate;
      }
    }
    if (binary == null || !Files.isExecutable(DRIVER)) {
      String message = "ConsoleBrowserTest SKIPPED: no Chromium (" + BROWSERS[1] + ") or chromedriver (" + DRIVER
          + "); install the Debian packages chromium and chromium-driver to run it";
      if ("required".equals(System.getProperty("payscore.browser"))) {
        throw new AssertionError(message.replace("SKIPPED", "cannot run") + " (-Dpayscore.browser=required)");
      }
      System.err.println(message);
      Assumptions.assumeTrue(false, message);
    }
    SELENIUM.setLevel(Level.OFF);
    sandbox = PayScoreSandbox.start();
    client = sandbox.clientBuilder().build();
    merchant = dev.payscore.testing.TestServers.mockWebServer();
    merchant.start(InetAddress.getByName("127.0.0.1"), 0);
    sandbox.notifyTo(merchant.url("/payscore/notify").toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=420,1100", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
    browser = new ChromeDriver(service, options);
    shots = Paths.get(System.getProperty("payscore.builddir", "target"), "console");
    Files.createDirectories(shots);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (sandbox != null) {
      sandbox.close();
      merchant.shutdown();
    }
  }

  @Test
  void playsTheUserFromCreatedToPaid() throws Exception {
    for (int i = 0; i < 3; i++) {
      merchant.enqueue(new MockResponse().setResponseCode(204));
    }
    NotificationParser parser = new NotificationParser(client.verifier(), sandbox.apiV3Key());
    client.payafterOrders().createPayafterOrder(PayafterLifecycleTest.create("WEB1")).execute();

    // Without the token the page says so and shows nothing (one browser for both: it is slow to start).
    browser.get(sandbox.url() + "_sandbox/");
    WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    assertTrue(problem.getText().contains("#token="), problem.getText());
    assertTrue(browser.findElements(By.cssSelector("div.order")).isEmpty());

    browser.get(sandbox.consoleUrl());
    WebElement state = waitForState("WEB1", "CREATED");
    assertTrue(state.getText().contains("待确认"), state.getText());
    WebElement card = browser.findElement(By.cssSelector("div.order[data-order='WEB1']"));
    assertTrue(card.getText().contains("停车服务") && card.getText().contains("¥500.00"), card.getText());
    waitForLog("POST /v3/payscore/payafter-orders");
    shot("1-created");

    click("accept", "WEB1");
    WebElement sheet = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
    assertTrue(sheet.getText().contains("停车服务"), sheet.getText());
    assertTrue(sheet.getText().contains("¥500.00"), sheet.getText());
    assertTrue(sheet.getText().contains(sandbox.merchantId()), sheet.getText());
    shot("2-confirm");
    browser.findElement(By.id("confirm-yes")).click();
    waitForState("WEB1", "USER_ACCEPTED");
    assertEquals("USER_ACCEPTED", sandbox.orderState("WEB1"));
    PayScoreNotification accepted = ControlApiTest.receive(merchant, parser);
    assertTrue(accepted instanceof PayScoreNotification.UserAccepted, accepted.toString());
    shot("3-accepted");

    client.payafterOrders().completePayafterOrder("WEB1", CompletePayafterOrderRequest.builder()
        .appid(PayafterLifecycleTest.APPID).serviceId(PayafterLifecycleTest.SERVICE_ID)
        .finishType(FinishType.SERVICE_USED).totalAmount(39500L)
        .fees(Collections.singletonList(Fee.builder().feeName("停车费").feeCount(1).feeDesc("停车2小时")
            .feeAmount(40000L).build()))
        .discounts(Collections.singletonList(Discount.builder().discountName("新用户立减").discountDesc("首单立减5元")
            .discountAmount(500L).build()))
        .build()).execute();
    waitForState("WEB1", "FINISHED");
    card = browser.findElement(By.cssSelector("div.order[data-order='WEB1']"));
    assertTrue(card.getText().contains("¥395.00") && card.getText().contains("−¥5.00"), card.getText());
    waitForLog("POST /v3/payscore/payafter-orders/WEB1/complete");
    shot("4-finished");

    click("pay", "WEB1");
    waitForState("WEB1", "USER_PAID");
    PayScoreNotification paid = ControlApiTest.receive(merchant, parser);
    assertTrue(paid instanceof PayScoreNotification.UserPaid, paid.toString());
    assertEquals(PayafterOrderState.USER_PAID, ((PayScoreNotification.UserPaid) paid).getOrder().getState());
    String log = browser.findElement(By.id("log")).getText();
    assertFalse(log.contains("_sandbox") || log.contains("favicon"), log);
    assertEquals(2, sandbox.requestCount()); // create and complete: nothing of the console
    shot("5-paid");

    // The developer's buttons: resend the last notification, and a fault for the next call.
    click("notify", "WEB1");
    assertTrue(ControlApiTest.receive(merchant, parser) instanceof PayScoreNotification.UserPaid);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("fault"))).selectByVisibleText("SYSTEM_ERROR");
    browser.findElement(By.id("inject")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Fault.SYSTEM_ERROR"));
    assertThrows(WechatPayApiException.class, () ->
        client.payafterOrders().queryPayafterOrder(PayafterLifecycleTest.SERVICE_ID, PayafterLifecycleTest.APPID,
            "WEB1", null).execute());
    waitForLog("500 GET /v3/payscore/payafter-orders?");
  }

  void click(String action, String order) {
    browser.findElement(By.cssSelector("button[data-action='" + action + "'][data-order='" + order + "']")).click();
  }

  WebElement waitForState(String order, String state) {
    return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("div.order[data-order='" + order + "'] .state[data-state='" + state + "']")));
  }

  void waitForLog(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), text));
  }

  void shot(String name) throws Exception {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    assertNotNull(png);
    Files.write(shots.resolve("console-" + name + ".png"), png);
  }
}
