package org.mailledger.api.audit;

import java.time.Instant;
import java.util.Optional;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;

/** Folds one alias domain aggregate's events into its state. */
final class AliasDomainFold {

  private boolean exists;
  private String aliasDomain;
  private String targetDomain;
  private boolean active;
  private long position;

  void apply(LoggedEvent event) {
    Object payload = event.payload();
    if (payload instanceof AliasDomainCreatedEvent e) {
      exists = true;
      aliasDomain = e.aliasDomain();
      targetDomain = e.targetDomain();
      active = true;
    } else if (payload instanceof AliasDomainActivatedEvent) {
      active = true;
    } else if (payload instanceof AliasDomainDeactivatedEvent) {
      active = false;
    } else if (payload instanceof AliasDomainDeletedEvent) {
      exists = false;
    } else {
      return;
    }
    position = event.position();
  }

  Optional<AliasDomainAsOf> view(Instant asOf) {
    return exists
        ? Optional.of(new AliasDomainAsOf(aliasDomain, targetDomain, active, asOf, position))
        : Optional.empty();
  }
}
