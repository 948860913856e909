package org.csotracker.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.csotracker.common.Text;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body that cannot be parsed (a broken boundary, a NUL in a part's header) fails before any
 * controller is chosen, so no controller's advice sees it: it is the client's mistake, 400, as a problem
 * detail for the API and the friendly error page for people. Uploads over the limit are answered by the
 * advice of the upload forms first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblems {

    private static final String MESSAGE = "problem.multipartUnreadable";

    private final MessageSource messages;

    MultipartProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MultipartException.class)
    Object unreadable(MultipartException e, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String message = Text.of(MESSAGE).in(messages);
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
            problem.setTitle("Malformed request");
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return new ModelAndView("error", Map.of("status", 400, "message", message, "messageKey", MESSAGE), HttpStatus.BAD_REQUEST);
    }
}
