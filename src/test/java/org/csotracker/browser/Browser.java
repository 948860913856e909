package org.csotracker.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through Selenium, against the app on {@code localhost:port}.
 * Uses {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (installed by
 * {@code scripts/test-tools.sh}), so Selenium Manager never downloads anything. Each instance has
 * its own fresh profile (no shared cookies); close it to quit the browser and delete the profile.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start(port)) {
 *     browser.login(users.staff(Role.HR), TestUsers.PASSWORD);
 *     assertThat(browser.headings()).contains("Hiring");
 *     browser.screenshot("home-hr");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** axe-core from npm (package.json, installed by scripts/frontend.sh); only tests read it, the app never serves it. */
    public static final Path AXE = Path.of(System.getProperty("basedir", "."), "node_modules", "axe-core", "axe.min.js");
    /** Impacts that fail a page: serious and critical (missing labels, missing alt text, low contrast, ...). */
    private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    /** Pages the app does not write itself (Camunda's web apps, Swagger UI) are not checked. */
    private static final List<String> NOT_OURS = List.of("/camunda/", "/swagger-ui", "/engine-rest/", "/v3/api-docs");
    private static String axeSource;

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;
    private boolean checkAccessibility = true;

    private Browser(String baseUrl, Path profile, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts a new browser for the app on that port, its viewport at desktop size (1280 x 900). */
    public static Browser start(int port) {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: run scripts/test-tools.sh (Debian chromium, chromium-driver)");
            }
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile = createProfileDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile,
                // Bootstrap scrolls smoothly unless reduced motion is asked for; Selenium clicks while the scroll still runs
                "--force-prefers-reduced-motion",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        Browser browser;
        try {
            browser = new Browser("http://localhost:" + port, profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteRecursively(profile);
            throw e;
        }
        try {
            return browser.resize(DESKTOP);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** The Selenium driver, for what these helpers do not cover. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the app, such as {@code /login}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return afterPageLoad();
    }

    /** Signs in through the real login form and waits for the page it leads to. */
    public Browser login(String username, String password) {
        open("/login");
        field("Username").sendKeys(username);
        field("Password").sendKeys(password);
        click("Sign in");
        return this;
    }

    /** Clicks the navbar's "Sign out" button (opening the collapsed menu first on a narrow screen). */
    public Browser signOut() {
        List<WebElement> toggler = driver.findElements(By.cssSelector(".navbar-toggler"));
        if (!toggler.isEmpty() && toggler.get(0).isDisplayed() && !button("Sign out").isDisplayed()) {
            toggler.get(0).click();
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOf(button("Sign out")));
        }
        return click("Sign out");
    }

    /** Clicks the visible button or link reading exactly that text; waits for the page it loads, if any. */
    public Browser click(String text) {
        WebElement target = clickable(text);
        boolean loadsPage = loadsPage(target);
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        if (loadsPage) {
            new WebDriverWait(driver, WAIT).withMessage("a new page after clicking \"" + text + "\"")
                    .until(ExpectedConditions.stalenessOf(page));
            afterPageLoad();
        }
        return this;
    }

    /**
     * Turns the automatic accessibility check of every page this browser loads on or off (on by
     * default). Only for a test that looks at something other than a finished page.
     */
    public Browser checkAccessibility(boolean on) {
        this.checkAccessibility = on;
        return this;
    }

    /**
     * Runs axe-core on the current page and fails with every serious or critical violation of WCAG 2.1
     * A/AA (form labels, image alt text, colour contrast, ...): rule, what it means, and where.
     */
    public Browser assertAccessible() {
        List<String> violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + path() + ":\n  " + String.join("\n  ", violations));
        }
        return this;
    }

    /** The serious and critical axe-core violations on the current page, one line per rule. */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined'"))) {
            script(axe());
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => arguments[0].includes(v.impact)).map(v =>
                      v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')
                      + (v.nodes.length > 5 ? ' and ' + (v.nodes.length - 5) + ' more' : ''))))
                  .catch(e => done(['axe failed: ' + e]));
                """, FAILING_IMPACTS);
        return (List<String>) result;
    }

    private Browser afterPageLoad() {
        String path = path();
        if (checkAccessibility && !path.startsWith("http") && NOT_OURS.stream().noneMatch(path::startsWith)
                && "text/html".equals(script("return document.contentType"))) {
            assertAccessible();
        }
        return this;
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            if (!Files.isReadable(AXE)) {
                throw new IllegalStateException(AXE + " is missing: run scripts/frontend.sh (npm ci installs axe-core)");
            }
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** The form control whose {@code <label>} reads exactly that text. */
    public WebElement field(String label) {
        WebElement element = driver.findElement(By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]"));
        String id = element.getDomAttribute("for");
        return id != null && !id.isEmpty() ? driver.findElement(By.id(id))
                : element.findElement(By.xpath(".//input|.//select|.//textarea"));
    }

    /** The button (or submit input) reading exactly that text. */
    public WebElement button(String text) {
        String literal = xpathLiteral(text);
        return driver.findElement(By.xpath("//button[normalize-space()=" + literal + "]"
                + "|//input[(@type='submit' or @type='button') and @value=" + literal + "]"));
    }

    /** The link reading exactly that text. */
    public WebElement link(String text) {
        return driver.findElement(By.xpath("//a[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    /** The texts of all visible headings (h1 to h6), in page order. */
    public List<String> headings() {
        return driver.findElements(By.cssSelector("h1, h2, h3, h4, h5, h6")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::strip).toList();
    }

    /** The texts of all visible alerts and status messages ({@code role="alert"} or {@code "status"}). */
    public List<String> messages() {
        return driver.findElements(By.cssSelector("[role=alert], [role=status]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::strip).toList();
    }

    /** The visible text of the whole page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The current path and query, such as {@code /login?error}. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** The page's {@code <title>}. */
    public String title() {
        return driver.getTitle();
    }

    /** Resizes the browser so the page's viewport (window.innerWidth/innerHeight) is exactly that size. */
    public Browser resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        // Chromium applies a new window size asynchronously: on a busy machine the page may still
        // report the old viewport for a moment
        long innerWidth = number("return window.innerWidth");
        for (int i = 0; i < 50 && innerWidth > viewport.getWidth(); i++) {
            sleep(100);
            innerWidth = number("return window.innerWidth");
        }
        long innerHeight = number("return window.innerHeight");
        Dimension outer = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(outer.getWidth() + viewport.getWidth() - (int) innerWidth,
                outer.getHeight() + viewport.getHeight() - (int) innerHeight));
        long width = number("return window.innerWidth");
        if (width != viewport.getWidth()) {
            throw new IllegalStateException("viewport is " + width + " px wide, wanted " + viewport.getWidth());
        }
        return this;
    }

    /** Whether the page is wider than its viewport, so a person would have to scroll sideways. */
    public boolean scrollsHorizontally() {
        return (Boolean) script("const page = document.documentElement;"
                + " return page.scrollWidth > page.clientWidth || page.scrollWidth > window.innerWidth;");
    }

    /**
     * The WCAG contrast ratio of an element's text colour over the background behind it (the first
     * ancestor with a background colour; background images are not taken into account).
     */
    public double contrastRatio(WebElement element) {
        return ((Number) script("""
                const rgba = css => css.match(/[\\d.]+/g).map(Number).concat(1).slice(0, 4);
                let node = arguments[0], background = [255, 255, 255, 1];
                for (; node && node.nodeType === 1; node = node.parentElement) {
                  const colour = rgba(getComputedStyle(node).backgroundColor);
                  if (colour[3] > 0) { background = colour; break; }
                }
                const [r, g, b, a] = rgba(getComputedStyle(arguments[0]).color);
                const text = [r, g, b].map((c, i) => a * c + (1 - a) * background[i]);
                const luminance = rgb => rgb.slice(0, 3).map(c => c / 255)
                    .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4))
                    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
                const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
                return (light + 0.05) / (dark + 0.05);
                """, element)).doubleValue();
    }

    /** Runs JavaScript in the page and returns what it returns. */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.endsWith(".png") ? name : name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private WebElement clickable(String text) {
        String literal = xpathLiteral(text);
        List<WebElement> candidates = driver.findElements(By.xpath("//button[normalize-space()=" + literal + "]"
                + "|//input[(@type='submit' or @type='button') and @value=" + literal + "]"
                + "|//a[normalize-space()=" + literal + "]"));
        return candidates.stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new IllegalStateException("no visible button or link \"" + text + "\" on " + path()));
    }

    /** Links to another page and submit buttons of a form load a page; other buttons only run scripts. */
    private static boolean loadsPage(WebElement target) {
        if (target.getTagName().equals("a")) {
            String href = target.getDomAttribute("href");
            return href != null && !href.startsWith("#") && !href.startsWith("javascript:");
        }
        return "submit".equals(target.getDomProperty("type")) && target.getDomProperty("form") != null;
    }

    private long number(String javascript) {
        return ((Number) script(javascript)).longValue();
    }

    /** An XPath string literal for any text, quotes included. */
    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private static Path createProfileDirectory() {
        try {
            return Files.createTempDirectory("csotracker-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
