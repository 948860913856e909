package org.csotracker.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows when a request fails outside a controller: a friendly page for
 * people, a problem detail for API clients. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        if (isApi(request) || !acceptsHtml(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, friendly(status));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        return page(status, friendly(status), friendlyKey(status));
    }

    /** The error page; {@code messageKey} (may be null) names the message in the reader's language. */
    static ModelAndView page(HttpStatus status, String message, String messageKey) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("status", status.value());
        model.put("message", message);
        if (messageKey != null) {
            model.put("messageKey", messageKey);
        }
        return new ModelAndView("error", model, status);
    }

    /** The key of {@link #friendly} in messages.properties, or null for a status without its own text. */
    static String friendlyKey(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND, FORBIDDEN, UNAUTHORIZED, BAD_REQUEST, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE,
                 METHOD_NOT_ALLOWED, TOO_MANY_REQUESTS -> "error.status." + status.value();
            default -> status.is5xxServerError() ? "error.status.500" : null;
        };
    }

    static String friendly(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "We could not find that page or record.";
            case FORBIDDEN -> "Your role does not allow you to see this.";
            case UNAUTHORIZED -> "Please sign in.";
            case BAD_REQUEST -> "The request was not understood. Check what you entered and try again.";
            case CONFLICT -> "Someone else changed this at the same time. Reload and try again.";
            case PAYLOAD_TOO_LARGE -> "The file is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "That kind of file or content is not accepted here.";
            case METHOD_NOT_ALLOWED -> "That action is not available here.";
            case TOO_MANY_REQUESTS -> "Too many requests. Wait a minute and try again.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. Nothing was saved; try again, or tell an administrator."
                    : status.getReasonPhrase();
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && (path.startsWith("/api/") || path.startsWith("/engine-rest"));
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*") && !accept.contains("json");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
