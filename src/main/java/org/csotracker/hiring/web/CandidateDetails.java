package org.csotracker.hiring.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.csotracker.hiring.Candidate;
import org.csotracker.hiring.HiringStage;

/** A candidate as the API shows it: never the entity itself. */
record CandidateDetails(
        Long id, String firstName, String lastName, String email, String phone, String languages,
        int communityEngagementYears, int crisisExperienceYears, String education, boolean ageEligible,
        boolean workAuthorized, String districtPreference, String statement, String preferredLanguage, String source, Instant appliedAt,
        HiringStage stage, Instant stageEnteredAt, Instant dueAt, boolean escalated, String openStep,
        Boolean meetsMinimum, String minimumNote, Integer desiredScore, Boolean backgroundClear,
        Integer interviewScore, String interviewRecommendation, Boolean unionApproved, String unionNote,
        LocalDate offerStartDate, Long offerCohortId, Instant offerDeadline, String offerDistrict,
        String offerSupervisor, String offerShiftPattern, String offerProgramComponent,
        HiringStage closedAtStage, String rejectionReason, String closingNote, Instant closedAt, Long officerId,
        List<CandidateApi.HistoryEntry> history) {

    static CandidateDetails of(Candidate c, List<CandidateApi.HistoryEntry> history) {
        return new CandidateDetails(c.getId(), c.getFirstName(), c.getLastName(), c.getEmail(), c.getPhone(),
                c.getLanguages(), c.getCommunityEngagementYears(), c.getCrisisExperienceYears(), c.getEducation().name(),
                c.isAgeEligible(), c.isWorkAuthorized(), c.getDistrictPreference(), c.getStatement(), c.getPreferredLanguage(), c.getSource().name(),
                c.getAppliedAt(), c.getStage(), c.getStageEnteredAt(), c.getDueAt(), c.isEscalated(),
                c.getStage().step(), c.getMeetsMinimum(), c.getMinimumNote(), c.getDesiredScore(), c.getBackgroundClear(),
                c.getInterviewScore(), name(c.getInterviewRecommendation()), c.getUnionApproved(), c.getUnionNote(),
                c.getOfferStartDate(), c.getOfferCohortId(), c.getOfferDeadline(), c.getOfferDistrict(),
                c.getOfferSupervisor(), name(c.getOfferShiftPattern()), name(c.getOfferProgramComponent()),
                c.getClosedAtStage(), name(c.getRejectionReason()), c.getClosingNote(), c.getClosedAt(),
                c.getOfficerId(), history);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
