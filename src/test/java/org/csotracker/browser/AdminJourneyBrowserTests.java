package org.csotracker.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.csotracker.people.NotificationMail;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator creates a login, disables and re-enables it, reads the rules and sets their own
 * e-mail preference; every page passes the accessibility check. Screenshots go to docs/images.
 */
@CsoTrackerServerTest
class AdminJourneyBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;
    @Autowired
    People people;

    @Test
    void anAdministratorManagesALoginAndReadsTheRules() throws IOException {
        String admin = users.staff(Role.ADMIN);
        String username = "journey" + System.nanoTime() % 1_000_000;
        try (Browser browser = Browser.start(port)) {
            browser.login(admin, TestUsers.PASSWORD);
            browser.click("Administration");
            assertThat(browser.path()).isEqualTo("/admin");
            assertThat(browser.headings()).contains("Administration", "Users and roles", "Qualification and certification rules",
                    "Module catalog", "Audit log", "Workflow engine");
            assertThat(browser.link("Open Cockpit").getDomAttribute("href")).isEqualTo("/camunda/app/cockpit/");
            assertThat(browser.link("Open the module catalog").getDomAttribute("href")).isEqualTo("/academy/modules");
            docs(browser, "admin-home");

            browser.click("Manage users").click("New login");
            browser.click("Create login"); // empty: errors next to the fields, nothing saved
            assertThat(browser.messages()).contains("Please correct the fields marked below.");
            browser.field("Username (required)").sendKeys(username);
            browser.field("Full name (required)").sendKeys("Jordan Journey");
            browser.field("E-mail (required)").sendKeys(username + "@example.org");
            browser.field("COORDINATOR").click();
            browser.click("Create login");
            assertThat(browser.messages()).anyMatch(m -> m.startsWith("Login " + username + " created."));
            assertThat(browser.driver().findElement(By.cssSelector("dd.status")).getText()).isEqualTo("Awaiting activation");
            assertThat(browser.text()).doesNotContain("/activate/");

            browser.field("HR").click();
            browser.click("Save roles");
            assertThat(browser.messages()).contains("Roles saved.");
            assertThat(people.findLogin(username).orElseThrow().roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.HR);
            docs(browser, "admin-user");

            browser.click("All users");
            browser.field("Search").sendKeys(username);
            browser.click("Search");
            assertThat(browser.driver().findElements(By.cssSelector("table.users tbody tr"))).hasSize(1);
            assertThat(browser.text()).contains("HR, COORDINATOR", "Awaiting activation");
            browser.open("/admin/users");
            docs(browser, "admin-users");

            browser.click("Administration").click("See the rules");
            assertThat(browser.headings()).contains("Minimum qualifications", "Desired qualifications score",
                    "Certification period", "Expiry reminders");
            assertThat(browser.driver().findElements(By.cssSelector(".decision-table"))).hasSizeGreaterThanOrEqualTo(5);
            docs(browser, "admin-rules");

            browser.click(people.findLogin(admin).orElseThrow().displayName());
            assertThat(browser.path()).isEqualTo("/account");
            browser.field("None").click();
            browser.click("Save");
            assertThat(browser.messages()).contains("Saved. You get none by e-mail.");
            assertThat(people.mailPreference(admin).orElseThrow().notificationMail()).isEqualTo(NotificationMail.NONE);
            browser.field("Reminders only").click();
            browser.click("Save");
        }
    }

    static void docs(Browser browser, String name) throws IOException {
        GuideScreenshots.save(browser.screenshot(name), name);
    }
}
