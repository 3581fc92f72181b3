package org.mailledger.api.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster keeps its files across restarts
 * @param port the TCP port on 127.0.0.1, fixed so Postfix and Dovecot can be pointed at it
 */
@ConfigurationProperties("mailledger.embedded")
public record EmbeddedDatabaseProperties(
    @DefaultValue("./data/postgres") String dataDirectory, @DefaultValue("54329") int port) {}
