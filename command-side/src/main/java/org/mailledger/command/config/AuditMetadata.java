package org.mailledger.command.config;

import static org.mailledger.command.error.RuleViolationException.invalid;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Every command must say who sent it ({@code actor}) and from where ({@code source}); Axon's
 * correlation data providers copy both onto each event the command causes, beside the correlation
 * and trace ids, so the log answers "who changed what, from where" for every event.
 */
public class AuditMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

  public static final String ACTOR = "actor";
  public static final String SOURCE = "source";

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    return (index, command) -> {
      for (String key : List.of(ACTOR, SOURCE)) {
        Object value = command.getMetaData().get(key);
        if (!(value instanceof String text) || text.isBlank()) {
          throw invalid(
              "missing-audit-metadata",
              "command " + command.getCommandName() + " carries no '" + key + "' metadata");
        }
      }
      return command;
    };
  }
}
