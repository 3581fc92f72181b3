package org.mailledger.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A URL that Spring Security's firewall refuses (an encoded percent, slash or backslash, a
 * semicolon...) answers 400 problem+json without repeating the URL, like every other refusal.
 */
@Configuration
class RejectedRequests {

  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
    return (request, response, rejected) ->
        problems.writeWithoutInstance(
            response,
            HttpStatus.BAD_REQUEST,
            "bad-request",
            "the request URL holds characters this API does not take");
  }
}
