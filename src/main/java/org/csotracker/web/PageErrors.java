package org.csotracker.web;

import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Business errors raised by page controllers become the friendly error page with a clear message. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException ex) {
        return page(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException ex) {
        return page(HttpStatus.CONFLICT, ex.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException ex) {
        return page(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView stale(OptimisticLockingFailureException ex) {
        return generic(HttpStatus.CONFLICT);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException ex) {
        return page(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException ex) {
        return generic(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ModelAndView noResource(Exception ex) {
        return generic(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(Exception ex) {
        return generic(HttpStatus.BAD_REQUEST);
    }

    /**
     * A business error's own message (written in English by the module that raised it); a reader of another
     * language sees the status's text in their language instead.
     */
    private static ModelAndView page(HttpStatus status, String message) {
        log.debug("Page error {}: {}", status, message);
        ModelAndView page = ErrorPages.page(status, message, null);
        page.addObject("fallbackKey", ErrorPages.friendlyKey(status));
        return page;
    }

    /** An error without a message of its own: the page says it in the reader's language. */
    private static ModelAndView generic(HttpStatus status) {
        return ErrorPages.page(status, ErrorPages.friendly(status), ErrorPages.friendlyKey(status));
    }
}
