package org.mailledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Every 403 as problem+json, with the reason DomainAccess gave. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  private final ProblemWriter problems;

  public ProblemAccessDeniedHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    String reason = denied.getMessage();
    problems.write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        reason == null || reason.isBlank() || reason.equals("Access Denied")
            ? "your account may not do this"
            : reason);
  }
}
