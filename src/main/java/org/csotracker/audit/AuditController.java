package org.csotracker.audit;


import jakarta.validation.constraints.Min;
import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
}
