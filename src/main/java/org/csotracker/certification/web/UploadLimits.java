package org.csotracker.certification.web;

import jakarta.servlet.http.HttpServletRequest;
import org.csotracker.common.Text;
import org.csotracker.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the upload limit fails before any controller runs (the request cannot be read), so
 * this advice has to be global. For the certification upload forms it shows the form again with a
 * plain message next to the file field and status 413; any other path gets the default handling.
 * (The forms carry their CSRF token in the action URL, so the request gets this far.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    private final MyCertificationPages mine;
    private final VerificationPages verification;
    private final MessageSource messages;

    UploadLimits(MyCertificationPages mine, VerificationPages verification, MessageSource messages) {
        this.mine = mine;
        this.verification = verification;
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    (e.getMaxUploadSize() > 0
                    ? Text.of("problem.uploadOverLimitOf", DataSize.ofBytes(e.getMaxUploadSize()).toMegabytes())
                    : Text.of("problem.uploadOverLimit")).in(messages));
            problem.setTitle("Payload too large");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ExtendedModelMap model = new ExtendedModelMap();
        String view;
        if (path.equals(MyCertificationPages.SUBMIT_PATH) && CurrentUser.get().isPresent()) {
            view = mine.tooLarge(model);
        } else if (path.equals(VerificationPages.UPLOAD_PATH)) {
            view = verification.tooLarge(model);
        } else {
            throw e; // not ours: the default resolver answers 413
        }
        return new ModelAndView(view, model, HttpStatus.PAYLOAD_TOO_LARGE);
    }
}
