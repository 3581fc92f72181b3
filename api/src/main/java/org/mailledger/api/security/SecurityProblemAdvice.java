package org.mailledger.api.security;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.mailledger.api.web.Problems;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.value.InvalidValueException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem answers of the admin and token endpoints. Scoped to them and ordered first so that
 * whatever general mapping the rest of the API has cannot change these. Access denials are not
 * handled here: they travel on to Spring Security's handler, which answers every 403 alike.
 */
@RestControllerAdvice(assignableTypes = {AdminController.class, TokenController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityProblemAdvice {

  @ExceptionHandler(InvalidValueException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidValueException e) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", e.getMessage());
    problem.setProperty("field", e.field());
    return answer(problem);
  }

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<ProblemDetail> violation(RuleViolationException e) {
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
    return answer(problem);
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ResponseEntity<ProblemDetail> unknown(AggregateNotFoundException e) {
    return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such admin or token"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "invalid-value",
            "the request body is not JSON of the expected shape");
    problem.setProperty("field", "body");
    return answer(problem);
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
