package org.csotracker.certification.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.csotracker.certification.CeEntry;
import org.csotracker.certification.CertificationReports;
import org.csotracker.certification.Certifications;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.certification.ContinuingEducationRecord;
import org.csotracker.common.ConflictException;
import org.csotracker.common.FormBinder;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.Text;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.security.CsoUser;
import org.csotracker.security.CurrentUser;
import org.csotracker.security.OfficerAccess;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages: readiness (supervisors see their unit, the program staff everyone certified), an
 * officer's certification with the actions of each role, and the coordinator's continuing-education
 * work: outside training to review and whole sessions recorded at once.
 */
@Controller
class CertificationPages {

    private static final Pattern ATTENDEE_FIELD = Pattern.compile("attendees\\[(\\d+)]\\.(\\w+)");

    private final Certifications certifications;
    private final CertificationReports reports;
    private final ContinuingEducation education;
    private final OfficerAccess access;
    private final People people;
    private final StatusModel status;
    private final FormBinder forms;
    private final org.springframework.context.MessageSource messages;

    CertificationPages(Certifications certifications, CertificationReports reports, ContinuingEducation education,
                       OfficerAccess access, People people, StatusModel status, FormBinder forms,
                       org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.certifications = certifications;
        this.reports = reports;
        this.education = education;
        this.access = access;
        this.people = people;
        this.status = status;
        this.forms = forms;
    }

    /** A text of messages.properties in the language of the page. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    // ---- readiness --------------------------------------------------------------------------

    /** Counts for the stacked bar; {@code percent} of the total for each part. */
    record Counts(long active, long expiring, long lapsed, long revoked, long notCertified) {
        public long total() {
            return active + expiring + lapsed + revoked + notCertified;
        }

        public long percent(long part) {
            return total() == 0 ? 0 : Math.round(part * 100f / total());
        }
    }

    @GetMapping("/certification")
    String readiness(@RequestParam(defaultValue = "0") int page, Model model) {
        CsoUser user = CurrentUser.require();
        boolean unitOnly = user.hasRole(Role.SUPERVISOR) && !user.hasRole(Role.ADMIN) && !user.hasRole(Role.HR)
                && !user.hasRole(Role.COORDINATOR);
        if (unitOnly) {
            // a unit is a handful of officers: all of them, those not certified yet included
            List<CertificationReports.Readiness> rows = new ArrayList<>(reports.readiness(people.unitOf(user.getUsername())));
            rows.sort(Comparator.comparingInt((CertificationReports.Readiness r) -> urgency(r.certificationStatus()))
                    .thenComparing(r -> r.daysLeft() == null ? Long.MAX_VALUE : r.daysLeft())
                    .thenComparing(CertificationReports.Readiness::name));
            model.addAttribute("rows", rows);
            model.addAttribute("counts", new Counts(count(rows, "ACTIVE"), count(rows, "EXPIRING"), count(rows, "LAPSED"),
                    count(rows, "REVOKED"), count(rows, null)));
        } else {
            CertificationReports.ReadinessPage all = reports.readinessOfAll(Math.max(0, page), READINESS_PAGE_SIZE);
            model.addAttribute("rows", all.rows());
            model.addAttribute("readinessPage", all);
            model.addAttribute("counts", new Counts(all.counts().get("ACTIVE"), all.counts().get("EXPIRING"),
                    all.counts().get("LAPSED"), all.counts().get("REVOKED"), 0));
        }
        model.addAttribute("unitOnly", unitOnly);
        model.addAttribute("pending", user.hasRole(Role.COORDINATOR) ? education.pending(PageRequest.of(0, 1)).getTotalElements() : 0);
        return "certification/readiness";
    }

    static final int READINESS_PAGE_SIZE = 100;

    private static int urgency(String status) {
        return status == null ? 4 : switch (status) {
            case "LAPSED" -> 0;
            case "EXPIRING" -> 1;
            case "ACTIVE" -> 2;
            default -> 3;
        };
    }

    private static int count(List<CertificationReports.Readiness> rows, String status) {
        return (int) rows.stream().filter(r -> java.util.Objects.equals(r.certificationStatus(), status)).count();
    }

    // ---- one officer ------------------------------------------------------------------------

    @GetMapping("/certification/officers/{id}")
    String officer(@PathVariable Long id, Model model) {
        return officerPage(id, model, Map.of(), Map.of());
    }

    @PostMapping("/certification/officers/{id}/revocation")
    String revoke(@PathVariable Long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        access.requireVisible(id);
        Map<String, String> errors = new HashMap<>();
        FormBinder.Bound<CertificationApi.Revocation> bound = forms.bind(form, CertificationApi.Revocation.class);
        errors.putAll(bound.errors());
        if (bound.valid()) {
            try {
                Long certificationId = certifications.ofOfficer(id)
                        .orElseThrow(() -> new ConflictException(Text.of("problem.nothingToRevoke"))).getId();
                certifications.revoke(certificationId, bound.value().reason().strip());
                redirect.addFlashAttribute("saved", text("certification.saved.revoked"));
                return "redirect:/certification/officers/" + id;
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        model.addAttribute("failedForm", "revocation");
        return officerPage(id, model, form, errors);
    }

    @PostMapping("/certification/officers/{id}/continuing-education")
    String recordCe(@PathVariable Long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        access.requireVisible(id);
        Map<String, String> errors = new HashMap<>();
        FormBinder.Bound<CeEntry> bound = forms.bind(form, CeEntry.class);
        errors.putAll(bound.errors());
        if (bound.valid()) {
            try {
                ContinuingEducationRecord saved = education.record(id, bound.value());
                redirect.addFlashAttribute("saved", text("certification.saved.recorded",
                        saved.getHours().stripTrailingZeros().toPlainString(), saved.getTitle()));
                return "redirect:/certification/officers/" + id;
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        model.addAttribute("failedForm", "continuing-education");
        return officerPage(id, model, form, errors);
    }

    private String officerPage(Long id, Model model, Map<String, String> form, Map<String, String> errors) {
        access.requireVisible(id);
        status.fill(model, id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "certification/officer";
    }

    // ---- outside training to review ---------------------------------------------------------

    /** A pending submission with the officer's name. */
    record Submission(ContinuingEducationRecord record, String officerName, String employeeNumber, String categoryTitle) {
    }

    @GetMapping("/certification/submissions")
    String submissions(Model model) {
        return submissionsPage(model, null, Map.of(), Map.of());
    }

    @GetMapping("/certification/submissions/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable Long id) {
        ContinuingEducationRecord record = education.submission(id);
        if (record.getEvidenceType() == null) {
            throw org.csotracker.common.NotFoundException.of("Evidence", id);
        }
        byte[] content = education.evidenceOf(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(record.getEvidenceType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(record.getEvidenceName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @PostMapping("/certification/submissions/{id}/review")
    String review(@PathVariable Long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new HashMap<>();
        FormBinder.Bound<CertificationApi.Review> bound = forms.bind(form, CertificationApi.Review.class);
        errors.putAll(bound.errors());
        if (bound.valid()) {
            try {
                ContinuingEducationRecord r = education.review(id, bound.value().approved(), bound.value().reason());
                redirect.addFlashAttribute("saved", text("certification.saved." + r.getStatus().name(), r.getTitle(),
                        people.officer(r.getOfficerId()).getFullName()));
                return "redirect:/certification/submissions";
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        return submissionsPage(model, id, form, errors);
    }

    private String submissionsPage(Model model, Long failedId, Map<String, String> form, Map<String, String> errors) {
        List<ContinuingEducationRecord> pending = education.pending(PageRequest.of(0, 200)).getContent();
        Map<Long, Officer> officers = people.officers(pending.stream().map(ContinuingEducationRecord::getOfficerId).toList());
        Map<String, String> categories = status.categories();
        model.addAttribute("submissions", pending.stream().map(r -> new Submission(r,
                officers.get(r.getOfficerId()).getFullName(), officers.get(r.getOfficerId()).getEmployeeNumber(),
                categories.getOrDefault(r.getCategory(), r.getCategory()))).toList());
        model.addAttribute("failedId", failedId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "certification/submissions";
    }

    // ---- a whole session at once ------------------------------------------------------------

    /** A line of the attendee list that could not be recorded, with the reasons. */
    record RowError(int line, String text, List<String> messages) {
    }

    @GetMapping("/certification/sessions")
    String sessionForm(Model model) {
        return sessionPage(model, Map.of(), Map.of(), List.of());
    }

    @PostMapping("/certification/sessions")
    String recordSession(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<RowError> rows = new ArrayList<>();
        FormBinder.Bound<CeEntry> bound = forms.bind(form, CeEntry.class);
        errors.putAll(bound.errors());
        List<Line> lines = lines(form.getOrDefault("attendees", ""), errors);
        if (lines.isEmpty() && !errors.containsKey("attendees")) {
            errors.put("attendees", "must list at least one employee number");
        }
        if (errors.isEmpty()) {
            CeEntry entry = bound.value();
            try {
                ContinuingEducation.BulkOutcome outcome = education.recordSession(new ContinuingEducation.Session(
                        entry.category(), entry.title(), entry.provider(), entry.hours(), entry.completedOn(),
                        lines.stream().map(l -> new ContinuingEducation.Attendee(null, l.employeeNumber(), l.hours())).toList()));
                redirect.addFlashAttribute("saved", text(outcome.recorded() == 1 ? "certification.saved.sessionOne"
                        : "certification.saved.session", entry.title().strip(), String.valueOf(outcome.recorded()))
                        + (outcome.unchanged() > 0 ? text("certification.saved.sessionUnchanged",
                        String.valueOf(outcome.unchanged())) : "") + ".");
                return "redirect:/certification/sessions";
            } catch (InvalidInputException e) {
                rows.addAll(split(e, lines, errors));
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        }
        if (!rows.isEmpty() && !errors.containsKey("form")) {
            errors.put("form", forms.say(Text.of("certification.session.linesToCorrect", rows.size())));
        }
        return sessionPage(model, form, errors, rows);
    }

    /** One non-blank line of the attendee list: an employee number, optionally a comma and other hours. */
    record Line(int number, String text, String employeeNumber, BigDecimal hours) {
    }

    private static List<Line> lines(String text, Map<String, String> errors) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\\R");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s*[,;\\t]\\s*");
            BigDecimal hours = null;
            if (parts.length > 1 && !parts[1].isBlank()) {
                try {
                    hours = new BigDecimal(parts[1]);
                } catch (NumberFormatException e) {
                    errors.putIfAbsent("attendees", "line " + (i + 1) + ": \"" + parts[1] + "\" is not a number of hours");
                }
            }
            lines.add(new Line(i + 1, line, parts[0].toUpperCase(java.util.Locale.ROOT), hours));
        }
        if (lines.size() > 500) {
            errors.put("attendees", "lists more than 500 officers: record the session in parts");
        }
        return lines;
    }

    /** Errors about one attendee go to their line; errors about the session itself go to its field. */
    private List<RowError> split(InvalidInputException e, List<Line> lines, Map<String, String> errors) {
        Map<Integer, List<String>> byRow = new java.util.TreeMap<>();
        for (InvalidInputException.FieldError error : e.errors()) {
            Matcher m = ATTENDEE_FIELD.matcher(error.field());
            if (!m.matches()) {
                errors.putIfAbsent(error.field(), forms.say(error.message()));
                continue;
            }
            int row = Integer.parseInt(m.group(1));
            String field = m.group(2);
            boolean aboutTheRow = field.equals("officerId") || field.equals("hours") && lines.get(row).hours() != null
                    || error.message().key().equals(ContinuingEducation.HOURS_DIFFER);
            if (aboutTheRow) {
                Text message = error.message().key().equals(ContinuingEducation.DUPLICATE_ATTENDEE)
                        ? Text.of("invalid.listedTwice", lines.get((Integer) error.message().getArguments()[0]).number())
                        : field.equals("officerId") ? error.message() : Text.of("invalid.column", field, error.message());
                byRow.computeIfAbsent(row, k -> new ArrayList<>()).add(forms.say(message));
            } else {
                errors.putIfAbsent(field, forms.say(error.message()));
            }
        }
        List<RowError> rows = new ArrayList<>();
        byRow.forEach((row, messages) -> rows.add(new RowError(lines.get(row).number(), lines.get(row).text(), messages)));
        return rows;
    }

    private String sessionPage(Model model, Map<String, String> form, Map<String, String> errors, List<RowError> rows) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("rowErrors", rows);
        model.addAttribute("categories", status.categories());
        model.addAttribute("today", status.today());
        return "certification/sessions";
    }
}
