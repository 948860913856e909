package org.csotracker.hiring;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An application for a CSO position, as the candidate fills it in. */
public record NewApplication(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "^[0-9+()\\-. ]*$", message = "{csotracker.validation.phone}") String phone,
        @NotBlank @Size(max = 300) String languages,
        @NotNull @Min(0) @Max(60) Integer communityEngagementYears,
        @NotNull @Min(0) @Max(60) Integer crisisExperienceYears,
        @NotNull Education education,
        @NotNull Boolean ageEligible,
        @NotNull Boolean workAuthorized,
        @Size(max = 60) String districtPreference,
        @Size(max = 4000) String statement,
        @Pattern(regexp = "en|es", message = "{csotracker.validation.language}") String preferredLanguage,
        @NotNull(message = "{csotracker.validation.consent}")
        @AssertTrue(message = "{csotracker.validation.consent}") Boolean consent) {

    /** The same application; without a language of its own it takes {@code language} (the page's or the client's). */
    public NewApplication withDefaultLanguage(String language) {
        if (preferredLanguage != null && !preferredLanguage.isBlank()) {
            return this;
        }
        return new NewApplication(firstName, lastName, email, phone, languages, communityEngagementYears,
                crisisExperienceYears, education, ageEligible, workAuthorized, districtPreference, statement,
                "es".equals(language) ? "es" : "en", consent);
    }

    /** Languages spoken, split on commas, blanks dropped. */
    public List<String> languageList() {
        return Arrays.stream(languages.split("[,;/]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
