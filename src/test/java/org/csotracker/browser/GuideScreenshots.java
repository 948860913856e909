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
 * test alone with {@code -Ddocs.images=write} brings its guide's pictures up to date (see {@link #IMAGES}).
 */
final class GuideScreenshots {

    /**
     * Where the pictures go: {@code docs/images} when the run is meant to refresh the documentation
     * ({@code -Ddocs.images=write}), else {@code target/docs-images}, so that an ordinary test run (with
     * other tests' data on the pages) never rewrites the guides' pictures.
     */
    static final Path IMAGES = "write".equals(System.getProperty("docs.images"))
            ? Path.of(System.getProperty("basedir", "."), "docs", "images")
            : Path.of(System.getProperty("basedir", "."), "target", "docs-images");

    private final Browser browser;
    private final String role;

    GuideScreenshots(Browser browser, String role) {
        this.browser = browser;
        this.role = role;
    }

    /** Copies a screenshot to {@link #IMAGES} as {@code <name>.png} and returns that file. */
    static Path save(Path shot, String name) {
        Path image = IMAGES.resolve(name + ".png");
        try {
            Files.createDirectories(IMAGES);
            Files.copy(shot, image, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return image;
    }

    /** Saves the viewport as {@code guide-<role>-<nn>-<step>.png} under {@link #IMAGES} and returns that file. */
    Path step(int number, String step) {
        long width = ((Number) browser.script("return window.innerWidth")).longValue();
        long height = ((Number) browser.script("return window.innerHeight")).longValue();
        assertThat(width + " x " + height).as("guide screenshots are taken at the desktop size")
                .isEqualTo(Browser.DESKTOP.getWidth() + " x " + Browser.DESKTOP.getHeight());
        String name = "guide-%s-%02d-%s".formatted(role, number, step);
        Path image = save(browser.screenshot(name), name);
        assertThat(image).isNotEmptyFile();
        return image;
    }
}
