package org.csotracker.certification.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.Certificate;
import org.csotracker.certification.Certifications;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.certification.ContinuingEducationRecord;
import org.csotracker.common.PayloadTooLargeException;
import org.csotracker.common.UnsupportedMediaTypeException;
import org.csotracker.common.FormBinder;
import org.csotracker.common.NotFoundException;
import org.csotracker.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The CSO's own certification page, certificate downloads and outside-training submissions. */
@Controller
class MyCertificationPages {

    static final String SUBMIT_PATH = "/me/continuing-education";

    private final Certifications certifications;
    private final ContinuingEducation education;
    private final StatusModel status;
    private final FormBinder forms;
    private final MessageSource messages;

    MyCertificationPages(Certifications certifications, ContinuingEducation education, StatusModel status, FormBinder forms,
                         MessageSource messages) {
        this.messages = messages;
        this.certifications = certifications;
        this.education = education;
        this.status = status;
        this.forms = forms;
    }

    @GetMapping("/me")
    String me(Model model) {
        return page(model, Map.of(), Map.of());
    }

    @GetMapping("/me/certificates/{number}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String number) {
        Long officerId = CurrentUser.require().getOfficerId();
        Certificate certificate = certifications.certificate(number)
                .filter(c -> officerId != null && c.getOfficerId().equals(officerId))
                .orElseThrow(() -> NotFoundException.of("Certificate", number));
        return CertificationApi.pdf(certificate, certifications.file(certificate));
    }

    @PostMapping(SUBMIT_PATH)
    String submit(@RequestParam Map<String, String> form, @RequestParam(value = "evidence", required = false) MultipartFile evidence,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        Long officerId = CurrentUser.require().getOfficerId();
        Map<String, String> errors = new HashMap<>();
        if (officerId == null) {
            errors.put("form", text("me.error.unlinked"));
            return page(model, form, errors);
        }
        FormBinder.Bound<CeEntry> bound = forms.bind(form, CeEntry.class);
        errors.putAll(bound.errors());
        boolean hasFile = evidence != null && !evidence.isEmpty();
        if (bound.valid()) {
            try {
                ContinuingEducationRecord saved = education.submit(officerId, bound.value(),
                        hasFile ? evidence.getOriginalFilename() : null, hasFile ? evidence.getContentType() : null,
                        hasFile ? evidence.getBytes() : null);
                redirect.addFlashAttribute("saved", text("me.saved", saved.getTitle(),
                        saved.getHours().stripTrailingZeros().toPlainString()));
                return "redirect:/me";
            } catch (UnsupportedMediaTypeException e) {
                response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
                errors.put("evidence", text("me.error.evidenceType"));
            } catch (PayloadTooLargeException e) {
                response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                errors.put("evidence", text("me.error.evidenceTooLarge"));
            } catch (RuntimeException e) {
                forms.addTo(errors, e);
            }
        } else if (!hasFile) {
            errors.put("evidence", text("me.error.evidenceRequired"));
        }
        model.addAttribute("chooseFileAgain", hasFile && !errors.containsKey("evidence"));
        return page(model, form, errors);
    }

    /** The evidence was larger than the upload limit: nothing of the form arrived, so say so plainly. */
    String tooLarge(Model model) {
        return page(model, Map.of(), Map.of("evidence", text("me.error.evidenceTooLargeRetry")));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private String page(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Long officerId = CurrentUser.require().getOfficerId();
        model.addAttribute("linked", officerId != null);
        if (officerId != null) {
            status.fill(model, officerId);
        }
        return "certification/me";
    }
}
