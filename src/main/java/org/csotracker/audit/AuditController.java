package org.csotracker.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log for administrators: newest first, a page at a time. Read-only by design. */
@Controller
@Validated
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    record Entry(Long id, Instant occurredAt, String actor, String subjectType, String subjectId, String action,
                 String details) {
        static Entry of(AuditEvent e) {
            return new Entry(e.getId(), e.getOccurredAt(), e.getActor(), e.getSubjectType(), e.getSubjectId(),
                    e.getAction(), e.getDetails());
        }
    }

    record EntryPage(java.util.List<Entry> entries, int page, int totalPages, long totalEntries) {
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(defaultValue = "0") @Min(0) int page, Model model) {
        Page<AuditEvent> events = audit.latest(PageRequest.of(page, 50));
        model.addAttribute("events", events);
        return "audit/log";
    }

    @GetMapping("/api/audit")
    @ResponseBody
    @Operation(summary = "The audit log, newest first (ADMIN)")
    EntryPage api(@RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<AuditEvent> events = audit.latest(PageRequest.of(page, size));
        return new EntryPage(events.map(Entry::of).getContent(), page, events.getTotalPages(), events.getTotalElements());
    }
}
