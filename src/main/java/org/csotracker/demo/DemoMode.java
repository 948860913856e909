package org.csotracker.demo;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Whether this run seeds demo data (see {@link ConditionalOnDemoMode}). */
public final class DemoMode {

    /** The password every demo login uses, as the README says. */
    public static final String DEMO_PASSWORD = "demo";

    private DemoMode() {
    }

    public static boolean isEnabled(Environment environment) {
        String setting = environment.getProperty("csotracker.demo", "auto").trim().toLowerCase();
        return switch (setting) {
            case "true", "on", "yes" -> true;
            case "auto" -> !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
            default -> false;
        };
    }
}
