package org.csotracker.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.csotracker.common.ConflictException;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.PayloadTooLargeException;
import org.csotracker.common.Text;
import org.csotracker.common.UnsupportedMediaTypeException;
import org.csotracker.common.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail. A 400 lists each invalid field under {@code errors}
 * as {@code {field, message}}; nothing here ever shows a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(fieldProblems(ex.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                problems.add(new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest().body(invalid(List.of(
                    new FieldProblem(path(unknown), say(Text.of("invalid.unknownField"))))));
        }
        if (cause instanceof InvalidFormatException format) {
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(path(format),
                    say(Text.of("invalid.validType", format.getTargetType().getSimpleName()))))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(path(mismatch),
                    say(Text.of("invalid.wrongType"))))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                say(Text.of("problem.malformedJson")));
        problem.setTitle("Malformed request");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new FieldProblem(ex.getName(), say(Text.of("invalid.wrongType")))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException ex) {
        return invalid(fieldProblems(ex));
    }

    @ExceptionHandler(UnsupportedMediaTypeException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(UnsupportedMediaTypeException ex) {
        return withStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", ex);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException ex) {
        return withStatus(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", ex);
    }

    private ResponseEntity<ProblemDetail> withStatus(HttpStatus status, String title, InvalidInputException ex) {
        ProblemDetail problem = invalid(fieldProblems(ex));
        problem.setStatus(status);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, say(ex.text()));
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, say(ex.text()));
        problem.setTitle("Conflict");
        ex.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleUpdate(OptimisticLockingFailureException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, say(Text.of("problem.stale")));
        problem.setTitle("Stale update");
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException ex) {
        log.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, say(Text.of("problem.clash")));
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, say(ex.text()));
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
                .body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, say(Text.of("problem.forbidden")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                say(Text.of("error.status.500")));
        problem.setTitle("Internal error");
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, say(problems.isEmpty()
                ? Text.of("problem.invalid")
                : Text.of("problem.invalidFields", String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()))));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }

    private List<FieldProblem> fieldProblems(InvalidInputException ex) {
        return ex.errors().stream().map(e -> new FieldProblem(e.field(), say(e.message()))).toList();
    }

    private String say(Text text) {
        return text.in(messages);
    }

    private static List<FieldProblem> fieldProblems(BindingResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        result.getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(), e.getDefaultMessage())));
        result.getGlobalErrors().forEach(e -> problems.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
        return problems;
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

}
