package org.mailledger.api.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Nothing is anonymous but health and the OpenAPI document; every other request authenticates with
 * HTTP Basic (admin accounts) or a bearer token, statelessly. Every refusal is problem+json: 401
 * (with the Basic challenge), 403, and 429 once a source address has failed to log in too often.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, BootstrapProperties.class})
public class SecurityConfig {

  @Bean
  public SecurityFilterChain api(
      HttpSecurity http, AuthReadModel readModel, ProblemWriter problems, LoginThrottle throttle)
      throws Exception {
    ProblemAuthenticationEntryPoint entryPoint =
        new ProblemAuthenticationEntryPoint(problems, throttle);
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth
                    // An error dispatch follows a request that already passed this chain; checking
                    // it again would turn every 404 or 500 of an anonymous caller into a 401.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.realmName("mailledger").authenticationEntryPoint(entryPoint))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
        .addFilterAfter(
            new BearerTokenFilter(readModel, entryPoint, Clock.systemUTC()),
            BasicAuthenticationFilter.class)
        .build();
  }

  @Bean
  public LoginThrottle loginThrottle(SecurityProperties properties) {
    return new LoginThrottle(
        properties.maxLoginFailures(), properties.loginFailureWindow(), Clock.systemUTC());
  }

  @Bean
  public AdminUserDetailsService adminUserDetailsService(AuthReadModel readModel) {
    return new AdminUserDetailsService(readModel);
  }

  /**
   * Only bcrypt, in Spring Security's {@code {bcrypt}} form as the command side stores it; not the
   * default delegating encoder, which would also accept a {@code {noop}} plaintext "hash".
   */
  @Bean
  public PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder()));
  }
}
