package org.csotracker.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screenshots of a user guide in {@code docs/guides/}: each step of a journey saved as
 * {@code docs/images/guide-<role>-<nn>-<step>.png}, always with the desktop viewport
 * ({@link Browser#DESKTOP}, 1280 x 900), so regenerated pictures look alike. Running the journey
 * test ({@code mvn test -Dtest=HrJourneyBrowserTests}) brings its guide's pictures up to date.
 */
final class GuideScreenshots {

    static final Path IMAGES = Path.of(System.getProperty("basedir", "."), "docs", "images");

    private final Browser browser;
    private final String role;

    GuideScreenshots(Browser browser, String role) {
        this.browser = browser;
        this.role = role;
    }

    /** Saves the viewport as {@code docs/images/guide-<role>-<nn>-<step>.png} and returns that file. */
    Path step(int number, String step) {
        long width = ((Number) browser.script("return window.innerWidth")).longValue();
        long height = ((Number) browser.script("return window.innerHeight")).longValue();
        assertThat(width + " x " + height).as("guide screenshots are taken at the desktop size")
                .isEqualTo(Browser.DESKTOP.getWidth() + " x " + Browser.DESKTOP.getHeight());
        String name = "guide-%s-%02d-%s".formatted(role, number, step);
        Path shot = browser.screenshot(name);
        Path image = IMAGES.resolve(name + ".png");
        try {
            Files.createDirectories(IMAGES);
            Files.copy(shot, image, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(image).isNotEmptyFile();
        return image;
    }
}
