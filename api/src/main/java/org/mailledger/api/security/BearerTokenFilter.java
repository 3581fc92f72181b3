package org.mailledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.mailledger.api.web.DatabaseFailures;
import org.mailledger.command.admin.ApiTokenSecrets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: hashes the token and looks the hash up in
 * the read model, which only answers tokens that are unrevoked, unexpired and of an active admin,
 * with the admin's role and grants in the same query. They are read on every request, so a revoked
 * grant takes effect at once.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

  private static final String SCHEME = "Bearer ";
  // Far above a real token (47 characters); keeps absurd headers away from the hash and the query.
  private static final int MAX_TOKEN_LENGTH = 512;

  private final AuthReadModel readModel;
  private final AuthenticationEntryPoint entryPoint;
  private final Clock clock;

  public BearerTokenFilter(
      AuthReadModel readModel, AuthenticationEntryPoint entryPoint, Clock clock) {
    this.readModel = readModel;
    this.entryPoint = entryPoint;
    this.clock = clock;
  }

  static boolean isBearer(String authorization) {
    return authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !isBearer(authorization)) {
      chain.doFilter(request, response);
      return;
    }
    String token = authorization.substring(SCHEME.length()).trim();
    Optional<AuthReadModel.TokenLogin> found;
    try {
      found =
          token.isEmpty() || token.length() > MAX_TOKEN_LENGTH
              ? Optional.empty()
              : readModel.tokenLogin(ApiTokenSecrets.hash(token), clock.instant());
    } catch (RuntimeException e) {
      if (!DatabaseFailures.unavailable(e)) {
        throw e;
      }
      entryPoint.commence(
          request,
          response,
          new org.springframework.security.authentication.InternalAuthenticationServiceException(
              "token store unreachable", e));
      return;
    }
    if (found.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("unusable API token"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        new ApiTokenAuthentication(
            found.get().adminName(),
            found.get().tokenId(),
            Authorities.of(found.get().role(), found.get().domains())));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
