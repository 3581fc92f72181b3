package org.mailledger.api.audit;

import org.mailledger.api.web.Problems;
import org.mailledger.schema.value.InvalidValueException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem answers of the audit and point-in-time endpoints. Limited to those controllers, and ahead
 * of any application-wide advice, so these mappings hold whatever the other controllers' advice
 * does; 401 and 403 stay with the security layer.
 */
@RestControllerAdvice(assignableTypes = {AuditController.class, PointInTimeController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuditProblems {

  @ExceptionHandler(InvalidValueException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidValueException e) {
    return answer(Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", e.getMessage()));
  }

  @ExceptionHandler(NotFoundAsOfException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundAsOfException e) {
    return answer(Problems.of(HttpStatus.NOT_FOUND, e.type(), e.getMessage()));
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
