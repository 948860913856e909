package org.csotracker.certification.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.csotracker.certification.Certificate;
import org.csotracker.certification.CertificationReports;
import org.csotracker.certification.CertificationSettings;
import org.csotracker.certification.Certifications;
import org.csotracker.department.DepartmentSettings;
import org.csotracker.documents.CertificatePdf;
import org.csotracker.documents.SignatureCheck;
import org.csotracker.security.RequestThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public verification, for employers and anyone shown a certificate: look a number up, or upload
 * the PDF to learn whether it is exactly the file the department issued. Rate-limited per address.
 */
@Controller
class VerificationPages {

    static final String UPLOAD_PATH = "/verify";

    private static final Logger log = LoggerFactory.getLogger(VerificationPages.class);
    private static final String NUMBER = "[A-Z0-9-]{1,40}";

    private final CertificationReports reports;
    private final Certifications certifications;
    private final CertificatePdf pdf;
    private final RequestThrottle throttle;
    private final CertificationSettings settings;
    private final MessageSource messages;
    private final DepartmentSettings department;

    VerificationPages(CertificationReports reports, Certifications certifications, CertificatePdf pdf, RequestThrottle throttle,
                      CertificationSettings settings, DepartmentSettings department, MessageSource messages) {
        this.messages = messages;
        this.reports = reports;
        this.certifications = certifications;
        this.pdf = pdf;
        this.throttle = throttle;
        this.settings = settings;
        this.department = department;
    }

    /** What an upload check found: genuine only when the signature holds and the file is byte for byte one we issued. */
    record UploadVerdict(boolean genuine, String fileName, CertificationReports.Verification certificate) {
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number, Model model) {
        Map<String, String> errors = new HashMap<>();
        if (number != null) {
            String normalized = normalize(number);
            if (normalized.matches(NUMBER)) {
                return "redirect:/verify/" + normalized;
            }
            errors.put("number", text(normalized.isEmpty() ? "verify.error.required" : "verify.error.notANumber"));
        }
        return form(model, number == null ? Map.of() : Map.of("number", number), errors);
    }

    @GetMapping("/verify/{number}")
    String certificate(@PathVariable String number, HttpServletRequest request, HttpServletResponse response, Model model) {
        throttle(request);
        String normalized = normalize(number);
        Optional<CertificationReports.Verification> verification = normalized.matches(NUMBER)
                ? reports.verify(normalized) : Optional.empty();
        model.addAttribute("number", number);
        model.addAttribute("department", department.name());
        if (verification.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "verify/not-found";
        }
        model.addAttribute("v", verification.get());
        return "verify/certificate";
    }

    @PostMapping(UPLOAD_PATH)
    String upload(@RequestParam(value = "pdf", required = false) MultipartFile file, HttpServletRequest request,
                  HttpServletResponse response, Model model) throws IOException {
        throttle(request);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, Map.of(), Map.of("pdf", text("verify.error.pdfRequired")));
        }
        byte[] bytes = file.getBytes();
        Optional<Certificate> issued = certifications.certificateBySha256(CertificatePdf.sha256(bytes));
        boolean genuine = issued.isPresent() && signatureOf(bytes).genuine();
        model.addAttribute("verdict", new UploadVerdict(genuine, file.getOriginalFilename(),
                genuine ? reports.verify(issued.get().getNumber()).orElse(null) : null));
        return form(model, Map.of(), Map.of());
    }

    String tooLarge(Model model) {
        return form(model, Map.of(), Map.of("pdf", text("verify.error.pdfTooLarge")));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private SignatureCheck signatureOf(byte[] bytes) {
        try {
            return pdf.verify(bytes);
        } catch (RuntimeException e) {
            log.debug("Could not check the signature of an uploaded file", e);
            return new SignatureCheck(false, false, false, null, "unreadable");
        }
    }

    private String form(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("department", department.name());
        return "verify/form";
    }

    private void throttle(HttpServletRequest request) {
        throttle.check("verify", request.getRemoteAddr(), settings.verificationsPerMinute(), Duration.ofMinutes(1));
    }

    private static String normalize(String number) {
        return number.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
