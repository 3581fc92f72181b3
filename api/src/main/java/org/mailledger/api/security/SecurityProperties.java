package org.mailledger.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling and token lifetimes.
 *
 * @param maxLoginFailures failed logins one source address may have within {@code
 *     loginFailureWindow} before its requests with credentials get 429
 * @param loginFailureWindow the sliding window the failures are counted in
 * @param tokenDefaultTtl how long a token lives when the request names no expiry
 * @param tokenMaxTtl the longest lifetime a token may be given
 */
@ConfigurationProperties("mailledger.security")
public record SecurityProperties(
    @DefaultValue("10") int maxLoginFailures,
    @DefaultValue("1m") Duration loginFailureWindow,
    @DefaultValue("90d") Duration tokenDefaultTtl,
    @DefaultValue("3650d") Duration tokenMaxTtl) {}
