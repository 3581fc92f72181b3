package org.mailledger.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The command side's settings.
 *
 * @param passwordScheme the Dovecot scheme for new hashes: BLF-CRYPT, ARGON2ID or SHA512-CRYPT
 * @param bcryptCost the BLF-CRYPT cost factor; each step doubles the time a hash takes
 * @param passwordMinLength the shortest plaintext password taken
 * @param mailRoot the root of mailbox home and maildir paths
 * @param aggregateCacheEntries how many aggregates the command side keeps loaded in memory (each
 *     caught up with the log before it decides); 0 loads every aggregate from the log each time
 */
@ConfigurationProperties("mailledger")
public record CommandSideProperties(
    @DefaultValue("BLF-CRYPT") String passwordScheme,
    @DefaultValue("10") int bcryptCost,
    @DefaultValue("8") int passwordMinLength,
    @DefaultValue("/var/vmail") String mailRoot,
    @DefaultValue("10000") int aggregateCacheEntries) {}
