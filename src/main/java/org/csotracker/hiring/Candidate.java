package org.csotracker.hiring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.ShiftPattern;

/** A person applying for a CSO position, and everything HR records along the way. */
@Entity
@jakarta.persistence.EntityListeners(CandidateChanges.class)
@Table(name = "candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // the application
    @Column(nullable = false) private String firstName;
    @Column(nullable = false) private String lastName;
    @Column(nullable = false) private String email;
    private String phone;
    @Column(nullable = false) private String languages;
    private int languageCount;
    private int communityEngagementYears;
    private int crisisExperienceYears;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private Education education;
    private boolean ageEligible;
    private boolean workAuthorized;
    private String districtPreference;
    @Column(length = 4000) private String statement;
    @Column(nullable = false) private String preferredLanguage;
    @Column(nullable = false) private Instant consentedAt;
    @Enumerated(EnumType.STRING) @Column(nullable = false) private ApplicationSource source;
    @Column(nullable = false) private Instant appliedAt;

    // where the case stands
    @Enumerated(EnumType.STRING) @Column(nullable = false) private HiringStage stage;
    @Column(nullable = false) private Instant stageEnteredAt;
    /** When the current step is due (background check SLA, offer deadline); null if none. */
    private Instant dueAt;
    private boolean escalated;
    private String processInstanceId;

    // screening
    private Boolean meetsMinimum;
    private String minimumNote;
    private Integer desiredScore;

    // gates
    private Boolean backgroundClear;
    private Integer interviewScore;
    @Enumerated(EnumType.STRING) private InterviewRecommendation interviewRecommendation;
    private Boolean unionApproved;
    @Column(length = 2000) private String unionNote;

    // offer
    private LocalDate offerStartDate;
    private Long offerCohortId;
    private Instant offerDeadline;
    private String offerDistrict;
    private String offerSupervisor;
    @Enumerated(EnumType.STRING) private ShiftPattern offerShiftPattern;
    @Enumerated(EnumType.STRING) private ProgramComponent offerProgramComponent;
    private String offerToken;

    // the end
    @Enumerated(EnumType.STRING) private HiringStage closedAtStage;
    @Enumerated(EnumType.STRING) private RejectionReason rejectionReason;
    @Column(length = 2000) private String closingNote;
    private Instant closedAt;
    private Long officerId;

    @Version private long version;

    protected Candidate() {
    }

    Candidate(NewApplication application, ApplicationSource source, Instant now) {
        this.firstName = application.firstName().strip();
        this.lastName = application.lastName().strip();
        this.email = application.email().strip().toLowerCase();
        this.phone = application.phone();
        this.languages = String.join(", ", application.languageList());
        this.languageCount = application.languageList().size();
        this.communityEngagementYears = application.communityEngagementYears();
        this.crisisExperienceYears = application.crisisExperienceYears();
        this.education = application.education();
        this.ageEligible = Boolean.TRUE.equals(application.ageEligible());
        this.workAuthorized = Boolean.TRUE.equals(application.workAuthorized());
        this.districtPreference = application.districtPreference();
        this.statement = application.statement();
        this.preferredLanguage = application.preferredLanguage() == null ? "en" : application.preferredLanguage();
        this.consentedAt = now;
        this.source = source;
        this.appliedAt = now;
        this.stage = HiringStage.SCREENING;
        this.stageEnteredAt = now;
    }

    /** Moves to a stage; returns the stage left. */
    HiringStage enter(HiringStage next, Instant now, Instant due) {
        HiringStage previous = this.stage;
        this.stage = next;
        this.stageEnteredAt = now;
        this.dueAt = due;
        this.escalated = false;
        return previous;
    }

    void close(HiringStage end, RejectionReason reason, String note, Instant now) {
        this.closedAtStage = this.stage;
        enter(end, now, null);
        this.rejectionReason = reason;
        this.closingNote = note;
        this.closedAt = now;
    }

    void screened(boolean meetsMinimum, String minimumNote, Integer desiredScore) {
        this.meetsMinimum = meetsMinimum;
        this.minimumNote = minimumNote;
        this.desiredScore = desiredScore;
    }

    void backgroundChecked(boolean clear) {
        this.backgroundClear = clear;
    }

    void interviewed(int score, InterviewRecommendation recommendation) {
        this.interviewScore = score;
        this.interviewRecommendation = recommendation;
    }

    void unionVetted(boolean approved, String note) {
        this.unionApproved = approved;
        this.unionNote = note;
    }

    void offered(OfferTerms terms, Instant deadline, String token) {
        this.offerStartDate = terms.startDate();
        this.offerCohortId = terms.cohortId();
        this.offerDeadline = deadline;
        this.offerDistrict = terms.district();
        this.offerSupervisor = terms.supervisor();
        this.offerShiftPattern = terms.shiftPattern();
        this.offerProgramComponent = terms.programComponent();
        this.offerToken = token;
    }

    void hiredAs(Long officerId) {
        this.officerId = officerId;
    }

    void escalate() {
        this.escalated = true;
    }

    void startedProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Duration timeInStage(Instant now) {
        return Duration.between(stageEnteredAt, now);
    }

    public boolean isOverdue(Instant now) {
        return dueAt != null && now.isAfter(dueAt);
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    public Long getId() { return id; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getLanguages() { return languages; }
    public int getLanguageCount() { return languageCount; }
    public int getCommunityEngagementYears() { return communityEngagementYears; }
    public int getCrisisExperienceYears() { return crisisExperienceYears; }
    public Education getEducation() { return education; }
    public boolean isAgeEligible() { return ageEligible; }
    public boolean isWorkAuthorized() { return workAuthorized; }
    public String getDistrictPreference() { return districtPreference; }
    public String getStatement() { return statement; }
    public String getPreferredLanguage() { return preferredLanguage; }
    public ApplicationSource getSource() { return source; }
    public Instant getAppliedAt() { return appliedAt; }
    public HiringStage getStage() { return stage; }
    public Instant getStageEnteredAt() { return stageEnteredAt; }
    public Instant getDueAt() { return dueAt; }
    public boolean isEscalated() { return escalated; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Boolean getMeetsMinimum() { return meetsMinimum; }
    public String getMinimumNote() { return minimumNote; }
    public Integer getDesiredScore() { return desiredScore; }
    public Boolean getBackgroundClear() { return backgroundClear; }
    public Integer getInterviewScore() { return interviewScore; }
    public InterviewRecommendation getInterviewRecommendation() { return interviewRecommendation; }
    public Boolean getUnionApproved() { return unionApproved; }
    public String getUnionNote() { return unionNote; }
    public LocalDate getOfferStartDate() { return offerStartDate; }
    public Long getOfferCohortId() { return offerCohortId; }
    public Instant getOfferDeadline() { return offerDeadline; }
    public String getOfferDistrict() { return offerDistrict; }
    public String getOfferSupervisor() { return offerSupervisor; }
    public ShiftPattern getOfferShiftPattern() { return offerShiftPattern; }
    public ProgramComponent getOfferProgramComponent() { return offerProgramComponent; }
    public String getOfferToken() { return offerToken; }
    public HiringStage getClosedAtStage() { return closedAtStage; }
    public RejectionReason getRejectionReason() { return rejectionReason; }
    public String getClosingNote() { return closingNote; }
    public Instant getClosedAt() { return closedAt; }
    public Long getOfficerId() { return officerId; }
    public long getVersion() { return version; }
}
