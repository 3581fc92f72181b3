package org.mailledger.api.security;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.mailledger.command.config.AuditMetadata;
import org.springframework.stereotype.Component;

/**
 * Sends a command with its audit metadata: who ({@code actor}) and from where ({@code source}).
 * Requests go through {@link org.mailledger.api.web.CommandSender}, which fills these from the
 * login and the client; the app's own work names itself. Exceptions come back as the handler threw
 * them, for the problem mapping.
 */
@Component
public class AuditedCommands {

  private final CommandGateway gateway;

  public AuditedCommands(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /** For work the app does on its own, outside any request (the first admin, imports). */
  public <R> R send(Object command, String actor, String source) {
    return send(command, actor, source, UUID.randomUUID().toString());
  }

  /**
   * The one way commands leave the API. The command's identifier is the correlation id: Axon's
   * MessageOriginProvider makes it the {@code correlationId} of every event the command causes.
   */
  @SuppressWarnings("unchecked")
  public <R> R send(Object command, String actor, String source, String correlationId) {
    Map<String, Object> metadata = Map.of(AuditMetadata.ACTOR, actor, AuditMetadata.SOURCE, source);
    try {
      return (R)
          gateway.sendAndWait(
              new GenericCommandMessage<>(
                  new GenericMessage<>(correlationId, command, metadata),
                  command.getClass().getName()));
    } catch (RuntimeException e) {
      throw unwrap(e);
    }
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
