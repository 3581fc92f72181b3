package org.mailledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.mailledger.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes problem+json from servlet filters, where Spring MVC's error handling does not reach: the
 * 401, 403 and 429 answers of the security filter chain.
 */
@Component
public class ProblemWriter {

  private final ObjectMapper json;

  public ProblemWriter(ObjectMapper json) {
    this.json = json;
  }

  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String detail)
      throws IOException {
    ProblemDetail problem = Problems.of(status, type, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** A problem for a request whose URL is not fit to repeat. */
  public void writeWithoutInstance(
      HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(status, type, detail));
  }

  /**
   * The database did not answer while the request was being authenticated: 503 as for any other
   * request that meets a database outage, not a 401 that would count as a failed login.
   */
  public void writeUnavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", "5");
    write(
        request,
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "the database is not reachable; nothing was changed, retry");
  }
}
