package org.csotracker.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log as JSON for administrators; errors are problem details like every other API. */
@RestController
@Validated
class AuditApi {

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The audit log, newest first (ADMIN)")
    AuditController.EntryPage api(@RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<AuditEvent> events = audit.latest(PageRequest.of(page, size));
        return new AuditController.EntryPage(events.map(AuditController.Entry::of).getContent(), page, events.getTotalPages(), events.getTotalElements());
    }
}
