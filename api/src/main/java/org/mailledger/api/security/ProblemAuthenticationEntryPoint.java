package org.mailledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mailledger.api.web.DatabaseFailures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every 401: problem+json with the Basic challenge. A 401 to a request that presented credentials
 * (Basic, Bearer or anything else) is a failed login and counts against its source address.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  static final String CHALLENGE = "Basic realm=\"mailledger\"";

  private final ProblemWriter problems;
  private final LoginThrottle throttle;

  public ProblemAuthenticationEntryPoint(ProblemWriter problems, LoginThrottle throttle) {
    this.problems = problems;
    this.throttle = throttle;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (DatabaseFailures.unavailable(failure)) {
      problems.writeUnavailable(request, response);
      return;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    if (authorization == null) {
      problems.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "authentication required: HTTP Basic with an admin account, or Authorization: Bearer"
              + " with an API token");
      return;
    }
    throttle.recordFailure(request.getRemoteAddr());
    if (BearerTokenFilter.isBearer(authorization)) {
      response.addHeader(
          HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mailledger\", error=\"invalid_token\"");
    }
    // The same words for an unknown name, a wrong password, a disabled account or a dead token,
    // so the answer tells an attacker nothing.
    problems.write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "the credentials are wrong, or the account or token is disabled, expired or revoked");
  }
}
