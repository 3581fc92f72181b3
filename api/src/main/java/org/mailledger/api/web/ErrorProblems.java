package org.mailledger.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The errors that happen before any controller (the servlet container refusing a URL, a filter
 * failing) as problem+json too, in place of Spring Boot's default error body, which repeats the
 * request path. Found by the input fuzzer.
 */
// Not an endpoint of the API: the container forwards its errors here.
@Hidden
@RestController
public class ErrorProblems implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String type =
        switch (status.value()) {
          case 400 -> "bad-request";
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 500 -> "internal";
          default -> "http-" + status.value();
        };
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, type, status.getReasonPhrase()));
  }
}
