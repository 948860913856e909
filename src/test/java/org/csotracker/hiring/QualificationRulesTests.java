package org.csotracker.hiring;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.csotracker.support.CsoTrackerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Each row of {@code processes/hiring-qualifications.dmn}, evaluated by the deployed engine. */
@CsoTrackerTest
class QualificationRulesTests {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "age {0}, work {1}, {2} -> {3}")
    @CsvSource({
            "false, true,  BACHELOR,    false, Under the minimum age of 18",
            "true,  false, BACHELOR,    false, Not authorized to work in the United States",
            "true,  true,  NONE,        false, No high school diploma or equivalent",
            "true,  true,  HIGH_SCHOOL, true,  Meets the minimum qualifications",
            "false, false, NONE,        false, Under the minimum age of 18"})
    void minimumQualifications(boolean age, boolean work, String education, boolean meets, String note) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("MinimumQualifications")
                .variables(Map.of("ageEligible", age, "workAuthorized", work, "education", education)).evaluate();
        assertThat(result.getSingleResult().<Boolean>getEntry("meetsMinimum")).isEqualTo(meets);
        assertThat(result.getSingleResult().<String>getEntry("minimumNote")).isEqualTo(note);
    }

    @ParameterizedTest(name = "{0} years outreach, {1} languages, {2} years crisis -> {3} points")
    @CsvSource({
            "0, 1, 0, 0",
            "1, 1, 0, 2",
            "2, 1, 0, 2",
            "3, 1, 0, 4",
            "0, 2, 0, 3",
            "0, 1, 1, 2",
            "0, 1, 2, 4",
            "5, 3, 6, 11"})
    void desiredQualificationsScore(int communityYears, int languages, int crisisYears, int points) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("DesiredQualifications")
                .variables(Map.of("communityEngagementYears", communityYears, "languageCount", languages,
                        "crisisExperienceYears", crisisYears)).evaluate();
        assertThat(((Number) result.getSingleEntry()).intValue()).isEqualTo(points);
    }
}
