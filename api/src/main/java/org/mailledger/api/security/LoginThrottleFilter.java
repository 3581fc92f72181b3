package org.mailledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to any request with credentials from a source address that has failed too often,
 * before the credentials are checked: otherwise a guess that happens to be right would still tell
 * the attacker so. Requests without credentials pass (they get 401 or a public page anyway).
 *
 * <p>The source is the connection's remote address. Behind a reverse proxy that is the proxy's,
 * unless {@code server.forward-headers-strategy} is set so that Spring uses the forwarded one.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ProblemWriter problems;

  public LoginThrottleFilter(LoginThrottle throttle, ProblemWriter problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      long retryAfter = throttle.retryAfterSeconds(request.getRemoteAddr());
      if (retryAfter > 0) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.write(
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-attempts",
            "too many failed logins from your address; try again in " + retryAfter + " s");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
