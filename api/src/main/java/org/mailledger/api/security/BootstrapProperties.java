package org.mailledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapPassword the password of the first admin, {@code admin}, created on the first
 *     start; empty to have one generated and logged once ({@code MAILLEDGER_BOOTSTRAP_PASSWORD})
 */
@ConfigurationProperties("mailledger")
public record BootstrapProperties(String bootstrapPassword) {}
