package org.csotracker.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.Certificate;
import org.csotracker.certification.Certification;
import org.csotracker.certification.Certifications;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.HttpSession;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSO in a real browser: signs in, sees their status and continuing-education progress, downloads
 * their certificate with the browser's session, and the public verification page of that
 * certificate says it is valid; on the way it switches the page to Spanish and back and opens the
 * account page. Each step a new CSO takes is saved as {@code docs/images/guide-cso-<nn>-<step>.png}
 * for {@code docs/guides/cso.md} (at desktop size); the phone-width pages go to
 * {@code target/screenshots/cso-status-phone.png} and {@code verify-phone.png}.
 */
@CsoTrackerServerTest
class CsoJourneyBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Certifications certifications;
    @Autowired
    ContinuingEducation education;
    @Autowired
    ManagementService management;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aCsoSeesTheirStatusDownloadsTheCertificateAndItVerifiesAsValid() throws Exception {
        Officer officer = certified("Lucía", "Journey" + System.nanoTime() % 100000, LocalDate.now().minusMonths(9));
        TestUsers.asSystem(() -> {
            education.record(officer.getId(), new CeEntry("MIDYEAR_PROGRAM", "Midyear continuing-education program",
                    "Seattle Police Training Center", new BigDecimal("16"), LocalDate.now().minusMonths(3)));
            education.record(officer.getId(), new CeEntry("ELECTIVE", "Mental Health First Aid", "National Council",
                    new BigDecimal("6"), LocalDate.now().minusMonths(1)));
        });
        Certificate certificate = certifications.certificates(officer.getId()).get(0);
        long daysLeft = certifications.daysLeft(certifications.ofOfficer(officer.getId()).orElseThrow());
        String username = users.ensure("cso-journey-" + officer.getId(), Set.of(Role.CSO), officer.getId());

        try (Browser browser = Browser.start(port)) {
            GuideScreenshots guide = new GuideScreenshots(browser, "cso");
            browser.login(username, TestUsers.PASSWORD);
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.headings()).contains("My certification");
            assertThat(browser.link("See my status").getDomAttribute("href")).isEqualTo("/me");
            assertThat(browser.text()).doesNotContain("Hiring", "Academy", "Administration");
            guide.step(1, "home");
            browser.click("My certification");
            assertThat(browser.path()).isEqualTo("/me");
            assertThat(browser.title()).isEqualTo("My certification · CSO Tracker");
            assertThat(browser.headings()).contains("My certification", "Certification status",
                    "Continuing education this period", "Certificates", "Deadlines", "Submit outside training");
            assertThat(browser.driver().findElement(By.cssSelector(".status-badge")).getText()).isEqualTo("Active");
            assertThat(browser.driver().findElement(By.cssSelector(".countdown")).getText())
                    .startsWith("Expires in " + daysLeft + " days");

            List<WebElement> bars = browser.driver().findElements(By.cssSelector(".ce-progress [role=progressbar]"));
            assertThat(bars).extracting(b -> b.getDomAttribute("aria-valuenow")).containsExactly("100", "0", "37");
            assertThat(bars).allSatisfy(b -> assertThat(b.isDisplayed()).isTrue());
            WebElement full = bars.get(0).findElement(By.cssSelector(".progress-bar"));
            assertThat(full.getSize().getWidth()).as("a full bar spans its track")
                    .isCloseTo(bars.get(0).getSize().getWidth(), org.assertj.core.data.Offset.offset(2));
            assertThat(browser.text()).contains("16 of 16 h", "0 of 8 h", "6 of 16 h", "22 of 40 hours done this period");
            assertThat(browser.scrollsHorizontally()).isFalse();
            guide.step(2, "status");

            // the download link works with the browser's own session
            WebElement download = browser.driver().findElement(By.cssSelector(".certificates a.download"));
            assertThat(download.getText()).startsWith("Download PDF");
            String href = download.getDomAttribute("href");
            assertThat(href).isEqualTo("/me/certificates/" + certificate.getNumber() + ".pdf");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + href)).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(pdf.body()).isEqualTo(certifications.file(certificate));
            HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + href)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(anonymous.statusCode()).as("without the session the PDF is not served").isNotEqualTo(200);
            browser.script("arguments[0].scrollIntoView({block: 'center'})", download);
            guide.step(3, "certificates");

            // the language switch in the top bar: the page in Spanish, saved on the account, and back
            browser.click("Español");
            assertThat(browser.path()).isEqualTo("/me");
            assertThat(browser.headings()).contains("Mi certificación");
            assertThat(people.languageOf(username)).as("the choice is saved on the account").hasValue("es");
            guide.step(4, "spanish");
            browser.click("English");
            assertThat(browser.headings()).contains("My certification");

            // the account page, behind the name in the top bar
            browser.click(people.findLogin(username).orElseThrow().displayName());
            assertThat(browser.path()).isEqualTo("/account");
            assertThat(browser.headings()).contains("Your account", "Notifications by e-mail");
            assertThat(browser.text()).contains(username);
            guide.step(5, "account");
            browser.open("/me");

            // on a phone the page stacks and nothing scrolls sideways
            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            assertThat(browser.scrollsHorizontally()).as("/me scrolls sideways at 390 px").isFalse();
            browser.screenshot("cso-status-phone");
            browser.resize(Browser.DESKTOP);

            // the verification link, followed by anyone
            WebElement link = browser.driver().findElement(By.cssSelector(".certificates a.verification-link"));
            assertThat(link.getText()).startsWith("Verification page");
            String verification = link.getDomAttribute("href");
            assertThat(verification).isEqualTo("/verify/" + certificate.getNumber());
            browser.signOut();
            browser.open(verification);
            assertThat(browser.headings()).contains("Certificate verification");
            WebElement card = browser.driver().findElement(By.cssSelector(".verification"));
            assertThat(card.getDomAttribute("data-status")).isEqualTo("VALID");
            assertThat(card.getText()).contains("VALID", "This certificate is valid today.", officer.getFullName(),
                    certificate.getNumber(), certificate.getPeriodEnd().toString()).containsIgnoringCase("valid");
            assertThat(browser.scrollsHorizontally()).isFalse();
            guide.step(6, "verify");
            browser.resize(Browser.PHONE);
            browser.driver().navigate().refresh();
            assertThat(browser.scrollsHorizontally()).as("verification scrolls sideways at 390 px").isFalse();
            browser.screenshot("verify-phone");
        }
    }

    /**
     * A file over the servlet's upload limit never reaches a controller: the CSO still gets the page
     * back with a plain message (413), not a login page or a dropped connection.
     */
    @Test
    void anEvidenceFileOverTheUploadLimitGetsAFriendlyMessage() throws Exception {
        Officer officer = certified("Omar", "Upload" + System.nanoTime() % 100000, LocalDate.now().minusMonths(2));
        String username = users.ensure("cso-upload-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + port;
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + TestUsers.PASSWORD
                        + "&_csrf=" + HttpSession.encode(HttpSession.csrfToken(login)))).build(), HttpResponse.BodyHandlers.ofString());
        String me = client.send(HttpRequest.newBuilder(URI.create(base + "/me")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("action=\"(/me/continuing-education\\?_csrf=[^\"]+)\"").matcher(me);
        assertThat(action.find()).as("the upload form carries its CSRF token in the action").isTrue();

        byte[] big = new byte[5 * 1024 * 1024 + 200 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        String boundary = "----cso" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : List.of(new String[] {"category", "ELECTIVE"}, new String[] {"title", "Huge scan"},
                new String[] {"hours", "4"}, new String[] {"completedOn", LocalDate.now().minusDays(3).toString()})) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n");
        body.write(big);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("My certification", "The evidence file is larger than 5 MB", "nothing was saved")
                .contains("Submit outside training");
        assertThat(education.of(officer.getId())).isEmpty();
    }

    private static void write(ByteArrayOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A system navigator certified on that day, with the certificate issued as the engine would. */
    private Officer certified(String first, String last, LocalDate completedOn) {
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer(first, last,
                "journey." + System.nanoTime() + "@example.org", null, "South", ProgramComponent.SYSTEM_NAVIGATOR,
                ShiftPattern.TUE_SAT_DAY, users.staff(Role.SUPERVISOR), completedOn.minusWeeks(9), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(), null,
                "Cohort Spring", completedOn, List.of()))));
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        Job issue = management.createJobQuery().processInstanceId(c.getProcessInstanceId()).activityId("Task_IssueCertificate")
                .singleResult();
        management.executeJob(issue.getId());
        return people.officer(officer.getId());
    }
}
