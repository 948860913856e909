package org.csotracker.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerServerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deployed process draws on its reference page; the pictures become docs/images for docs/processes.md. */
@CsoTrackerServerTest
class ProcessDiagramImagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestUsers users;

    @ParameterizedTest
    @CsvSource({"HiringProcess, process-hiring", "AcademyProcess, process-academy", "CertificationProcess, process-certification"})
    void everyProcessDiagramRenders(String key, String image) throws Exception {
        try (Browser browser = Browser.start(port)) {
            browser.resize(new Dimension(1600, 900));
            browser.login(users.staff(Role.COORDINATOR), TestUsers.PASSWORD).open("/processes/" + key);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector(".bpmn-diagram svg .djs-element")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector(".bpmn-diagram [data-element-id^='Task_']"))).isNotEmpty();
            Path docs = GuideScreenshots.save(browser.screenshot(image), image);
            assertThat(Files.size(docs)).isGreaterThan(10_000);
        }
    }
}
