package org.csotracker.hiring.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.csotracker.audit.AuditEvent;
import org.csotracker.audit.AuditTrail;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Candidate;
import org.csotracker.hiring.CandidateSummary;
import org.csotracker.hiring.Hiring;
import org.csotracker.hiring.HiringReports;
import org.csotracker.hiring.HiringSettings;
import org.csotracker.hiring.HiringStage;
import org.csotracker.hiring.NewApplication;
import org.csotracker.hiring.OfferTerms;
import org.csotracker.hiring.Steps;
import org.csotracker.security.CurrentUser;
import org.csotracker.security.RequestThrottle;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hiring API: applications (public) and every HR step, documented in OpenAPI. */
@RestController
@Validated
@Tag(name = "Hiring")
class CandidateApi {

    private final Hiring hiring;
    private final HiringReports reports;
    private final AuditTrail audit;
    private final RequestThrottle throttle;
    private final HiringSettings settings;

    CandidateApi(Hiring hiring, HiringReports reports, AuditTrail audit, RequestThrottle throttle, HiringSettings settings) {
        this.hiring = hiring;
        this.reports = reports;
        this.audit = audit;
        this.throttle = throttle;
        this.settings = settings;
    }

    record Created(Long id, HiringStage stage) {
    }

    record HistoryEntry(Instant at, String actor, String action, String details) {
        static HistoryEntry of(AuditEvent e) {
            return new HistoryEntry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getDetails());
        }
    }

    record CandidatePage(List<CandidateSummary> candidates, int page, int totalPages, long totalCandidates) {
    }

    @PostMapping("/api/applications")
    @Operation(summary = "Apply for a CSO position (public, rate-limited per address)")
    ResponseEntity<Created> apply(@Valid @RequestBody NewApplication application, HttpServletRequest request) {
        boolean staff = CurrentUser.get().isPresent();
        if (!staff) {
            throttle.check("apply", request.getRemoteAddr(), settings.anonymousApplicationsPerHour(), Duration.ofHours(1));
        }
        Candidate candidate = hiring.apply(application.withDefaultLanguage(LocaleContextHolder.getLocale().getLanguage()),
                staff ? ApplicationSource.HR : ApplicationSource.API);
        return ResponseEntity.created(URI.create("/api/candidates/" + candidate.getId()))
                .body(new Created(candidate.getId(), candidate.getStage()));
    }

    @GetMapping("/api/candidates")
    @Operation(summary = "Search candidates by stage, name or e-mail prefix and district; paged")
    CandidatePage search(@RequestParam(required = false) Set<HiringStage> stage,
                         @RequestParam(required = false) @Size(max = 100) String q,
                         @RequestParam(required = false) @Size(max = 60) String district,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Page<CandidateSummary> result = reports.search(stage, q, district,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "appliedAt")));
        return new CandidatePage(result.getContent(), page, result.getTotalPages(), result.getTotalElements());
    }

    @GetMapping("/api/candidates/{id}")
    @Operation(summary = "A candidate: stage, the open step, the application and what HR recorded, and the history")
    CandidateDetails candidate(@PathVariable Long id) {
        Candidate candidate = hiring.candidate(id);
        return CandidateDetails.of(candidate, audit.historyOf("Candidate", id).stream().map(HistoryEntry::of).toList());
    }

    @PostMapping("/api/candidates/{id}/screening")
    @Operation(summary = "Pass screening, or reject with a reason code")
    CandidateDetails screening(@PathVariable Long id, @Valid @RequestBody Steps.Screening body) {
        hiring.screen(id, body);
        return candidate(id);
    }

    @PostMapping("/api/candidates/{id}/background-check")
    @Operation(summary = "Record the background check: clear or not clear")
    CandidateDetails backgroundCheck(@PathVariable Long id, @Valid @RequestBody Steps.BackgroundCheck body) {
        hiring.recordBackgroundCheck(id, body);
        return candidate(id);
    }

    @PostMapping("/api/candidates/{id}/interview")
    @Operation(summary = "Record the interview panel's score and recommendation")
    CandidateDetails interview(@PathVariable Long id, @Valid @RequestBody Steps.Interview body) {
        hiring.recordInterview(id, body);
        return candidate(id);
    }

    @PostMapping("/api/candidates/{id}/union-vetting")
    @Operation(summary = "Record the union's review: approved, or an objection with a note")
    CandidateDetails unionVetting(@PathVariable Long id, @Valid @RequestBody Steps.UnionVetting body) {
        hiring.recordUnionVetting(id, body);
        return candidate(id);
    }

    @PostMapping("/api/candidates/{id}/union-objection")
    @Operation(summary = "Decide on a union objection: proceed, send back to the union, or reject")
    CandidateDetails unionObjection(@PathVariable Long id, @Valid @RequestBody Steps.ObjectionResolution body) {
        hiring.resolveUnionObjection(id, body);
        return candidate(id);
    }

    @PostMapping("/api/candidates/{id}/offer")
    @Operation(summary = "Extend a conditional offer with start date, cohort, assignment and answer deadline")
    CandidateDetails offer(@PathVariable Long id, @Valid @RequestBody OfferTerms body) {
        hiring.extendOffer(id, body);
        return candidate(id);
    }

    @PostMapping("/api/candidates/{id}/offer-response")
    @Operation(summary = "Record the candidate's answer to the offer")
    CandidateDetails offerResponse(@PathVariable Long id, @Valid @RequestBody Steps.OfferResponse body) {
        hiring.recordOfferResponse(id, body);
        return candidate(id);
    }

    @PostMapping("/api/candidates/{id}/withdrawal")
    @Operation(summary = "The candidate withdraws (possible at any open stage)")
    CandidateDetails withdrawal(@PathVariable Long id, @Valid @RequestBody Steps.Withdrawal body) {
        hiring.withdraw(id, body);
        return candidate(id);
    }

    @PostMapping("/api/offers/{token}/response")
    @Operation(summary = "The candidate answers their offer with the link from the offer letter (public)")
    ResponseEntity<Void> candidateResponse(@PathVariable @Size(max = 64) String token,
                                           @Valid @RequestBody Steps.OfferResponse body) {
        hiring.respondToOffer(token, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/hiring/funnel")
    @Operation(summary = "Applicants per stage, conversion between stages, median days per stage")
    List<HiringReports.FunnelStage> funnel() {
        return reports.funnel();
    }
}
