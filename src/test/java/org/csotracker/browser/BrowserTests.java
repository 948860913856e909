package org.csotracker.browser;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A real browser against the running app: signing in and out, each role's home page, phone width. */
@CsoTrackerServerTest
class BrowserTests {

    /** The home page card each role sees (templates/home.html). */
    private static final Map<Role, String> CARDS = new EnumMap<>(Map.of(
            Role.HR, "Hiring",
            Role.COORDINATOR, "Academy",
            Role.CSO, "My certification",
            Role.SUPERVISOR, "My unit's readiness",
            Role.ADMIN, "Administration"));

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;

    Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start(port);
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void eachRoleSignsInAndSeesItsOwnCard(Role role) {
        String username = usernameFor(role);
        browser.login(username, TestUsers.PASSWORD);

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.title()).isEqualTo("Home · CSO Tracker");
        List<String> headings = browser.headings();
        assertThat(headings).first().isEqualTo("Welcome, Test " + username);
        assertThat(headings).contains(CARDS.get(role));
        List<String> otherCards = CARDS.entrySet().stream().filter(card -> card.getKey() != role)
                .map(Map.Entry::getValue).toList();
        assertThat(headings).doesNotContainAnyElementsOf(otherCards);
        assertThat(browser.screenshot("home-" + role.name().toLowerCase())).isNotEmptyFile();
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        browser.login(users.staff(Role.HR), "not-the-password");

        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.messages()).containsExactly("Wrong username or password.");
        assertThat(browser.headings()).containsExactly("Sign in");
        browser.screenshot("login-error");
    }

    @Test
    void signingOutReturnsToTheLoginPage() {
        browser.login(users.staff(Role.COORDINATOR), TestUsers.PASSWORD);
        assertThat(browser.headings()).contains("Academy");

        browser.signOut();

        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(browser.messages()).containsExactly("You have signed out.");
        assertThat(browser.button("Sign in").isDisplayed()).isTrue();
        browser.open("/");
        assertThat(browser.path()).as("signed out for real: home asks to sign in again").isEqualTo("/login");
    }

    @Test
    void onAPhoneTheLoginAndHomePagesDoNotScrollSideways() {
        browser.resize(Browser.PHONE);
        browser.open("/login");
        assertThat(browser.scrollsHorizontally()).as("login page scrolls sideways at 390 px").isFalse();
        assertThat(browser.driver().findElements(By.cssSelector(".navbar-toggler")))
                .as("a menu button, though signed-out visitors have no menu").isEmpty();
        browser.screenshot("phone-login");

        String username = users.staff(Role.ADMIN);
        browser.login(username, TestUsers.PASSWORD);
        assertThat(browser.headings()).contains("Welcome, Test " + username);
        assertThat(browser.scrollsHorizontally()).as("home page scrolls sideways at 390 px").isFalse();
        browser.screenshot("phone-home-admin");

        browser.signOut();
        assertThat(browser.messages()).containsExactly("You have signed out.");

        // the check itself: a page wider than the phone is caught
        browser.script("const wide = document.createElement('div'); wide.style.width = '600px';"
                + " wide.textContent = 'too wide'; document.body.appendChild(wide);");
        assertThat(browser.scrollsHorizontally()).isTrue();
    }

    @Test
    void navbarLinksAreReadableOnTheBlueBar() {
        browser.login(users.staff(Role.ADMIN), TestUsers.PASSWORD);
        List<WebElement> links = browser.driver().findElements(By.cssSelector(".navbar .nav-link"));
        assertThat(links).extracting(WebElement::getText).contains("Home", "Audit log");
        for (WebElement link : links) {
            assertThat(browser.contrastRatio(link)).as("contrast of the navbar link \"%s\"", link.getText())
                    .isGreaterThanOrEqualTo(4.5);
        }
    }

    private String usernameFor(Role role) {
        return role == Role.CSO ? users.ensure("browser-cso", Set.of(Role.CSO), null) : users.staff(role);
    }
}
