package org.mailledger.api.web;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.value.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json with a stable type. Messages never echo raw input: value
 * errors are worded by the value types (which escape what they quote), and body parse errors say
 * where, not what.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
        };
    ProblemDetail problem = Problems.of(status, e.type(), e.detail());
    if (!e.subjects().isEmpty()) {
      problem.setProperty("subjects", e.subjects());
    }
    return problem(problem);
  }

  @ExceptionHandler(InvalidValueException.class)
  ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", e.getMessage());
    problem.setProperty("field", e.field());
    return problem(problem);
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
    return problem(
        Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such entity, or it was deleted"));
  }

  @ExceptionHandler(ConcurrencyException.class)
  ResponseEntity<ProblemDetail> clash(ConcurrencyException e) {
    return problem(
        Problems.of(
            HttpStatus.CONFLICT,
            "version-clash",
            "the entity was changed by another request at the same time; retry"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
    return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", e.getName() + ": has the wrong type");
    problem.setProperty("field", e.getName());
    return problem(problem);
  }

  @ExceptionHandler({CannotGetJdbcConnectionException.class, TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn("database unavailable: {}", e.getMessage());
    ResponseEntity<ProblemDetail> answer =
        problem(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "the database is not reachable; nothing was changed, retry"));
    return ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(answer.getBody());
  }

  @ExceptionHandler(CommandExecutionException.class)
  ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
    if (e.getCause() instanceof RuleViolationException violation) {
      return ruleViolation(violation);
    }
    if (e.getCause() instanceof InvalidValueException invalid) {
      return invalidValue(invalid);
    }
    return internal(e);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> internal(Exception e) {
    if (DatabaseFailures.unavailable(e)) {
      return unavailable(e);
    }
    log.error("request failed", e);
    return problem(
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "the request failed on the server; see its log"));
  }

  /** Spring's own errors (missing parameter, unsupported media type, malformed body...). */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    if (e instanceof HttpMessageNotReadableException unreadable) {
      problem = unreadable(unreadable);
    } else {
      String detail =
          body instanceof ProblemDetail given && given.getDetail() != null
              ? given.getDetail()
              : HttpStatus.valueOf(status.value()).getReasonPhrase();
      problem = Problems.of(status, typeFor(status), detail);
    }
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    while (cause != null
        && !(cause instanceof InvalidValueException)
        && cause.getCause() != null
        && cause.getCause() != cause) {
      if (cause instanceof UnrecognizedPropertyException) {
        break;
      }
      cause = cause.getCause();
    }
    if (cause instanceof InvalidValueException invalid) {
      ProblemDetail problem =
          Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", invalid.getMessage());
      problem.setProperty("field", invalid.field());
      return problem;
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      ProblemDetail problem =
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "unknown-field",
              "the body has a field this endpoint does not take");
      problem.setProperty("field", safe(unknown.getPropertyName()));
      return problem;
    }
    if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field = safe(mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName());
      ProblemDetail problem =
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "invalid-value",
              field + ": has the wrong type or is missing");
      problem.setProperty("field", field);
      return problem;
    }
    return Problems.of(
        HttpStatus.BAD_REQUEST, "malformed-body", "the body is not the JSON this endpoint takes");
  }

  /** Field names come from the client: only a plain identifier is repeated back. */
  private static String safe(String name) {
    return name != null && name.matches("[A-Za-z0-9_]{1,64}") ? name : "(unnamed)";
  }

  private static String typeFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 415 -> "unsupported-media-type";
      default -> "http-" + status.value();
    };
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
