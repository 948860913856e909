package org.csotracker.web;

import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.common.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException ex) {
        return page(HttpStatus.NOT_FOUND, ex.text());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException ex) {
        return page(HttpStatus.CONFLICT, ex.text());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException ex) {
        InvalidInputException.FieldError first = ex.errors().get(0);
        return page(HttpStatus.BAD_REQUEST, Text.of("problem.field", first.field(), first.message()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView stale(OptimisticLockingFailureException ex) {
        return generic(HttpStatus.CONFLICT);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException ex) {
        return page(HttpStatus.TOO_MANY_REQUESTS, ex.text());
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

    /** A business error's own message, in the reader's language. */
    private ModelAndView page(HttpStatus status, Text message) {
        log.debug("Page error {}: {}", status, message);
        return ErrorPages.page(status, message.in(messages), null);
    }

    /** An error without a message of its own: the page says it in the reader's language. */
    private static ModelAndView generic(HttpStatus status) {
        return ErrorPages.page(status, ErrorPages.friendly(status), ErrorPages.friendlyKey(status));
    }
}
