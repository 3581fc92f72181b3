package org.mailledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mailledger.command.config.AuditMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sends a command as the authenticated caller: {@code actor} is {@code Authentication.getName()}
 * (the admin's name, or {@code <admin>/token:<id>}), {@code source} the request's remote address.
 * Exceptions come back as the handler threw them, for the problem mapping.
 */
@Component
public class AuditedCommands {

  private final CommandGateway gateway;
  private final JdbcTemplate jdbc;

  public AuditedCommands(CommandGateway gateway, JdbcTemplate jdbc) {
    this.gateway = gateway;
    this.jdbc = jdbc;
  }

  public <R> R send(Object command, HttpServletRequest request) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    return send(command, caller.getName(), request.getRemoteAddr());
  }

  public <R> R send(Object command, String actor, String source) {
    try {
      return gateway.sendAndWait(
          GenericCommandMessage.asCommandMessage(command)
              .andMetaData(Map.of(AuditMetadata.ACTOR, actor, AuditMetadata.SOURCE, source)));
    } catch (RuntimeException e) {
      throw unwrap(e);
    }
  }

  /** The log position of the aggregate's newest event: what a write answers as "position". */
  public long positionOf(String aggregateId) {
    Long position =
        jdbc.queryForObject(
            "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
            Long.class,
            aggregateId);
    return position == null ? 0 : position;
  }

  static RuntimeException unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CommandExecutionException
            || cause instanceof CompletionException
            || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }
}
