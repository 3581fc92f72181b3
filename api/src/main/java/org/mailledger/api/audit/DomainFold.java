package org.mailledger.api.audit;

import java.time.Instant;
import java.util.Optional;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.value.Quota;

/**
 * Folds one domain aggregate's events into its state; a plain fold of the contract's events, kept
 * apart from the command side's aggregate, whose job is deciding, not showing.
 */
final class DomainFold {

  private boolean exists;
  private String name;
  private String description;
  private long defaultQuotaBytes;
  private long maxQuotaBytes;
  private int maxMailboxes;
  private int maxAliases;
  private boolean active;
  private long position;

  void apply(LoggedEvent event) {
    Object payload = event.payload();
    if (payload instanceof DomainCreatedEvent e) {
      exists = true;
      name = e.name();
      active = true;
      settings(
          e.description(),
          e.defaultQuotaBytes(),
          e.maxQuotaBytes(),
          e.maxMailboxes(),
          e.maxAliases());
    } else if (payload instanceof DomainSettingsChangedEvent e) {
      settings(
          e.description(),
          e.defaultQuotaBytes(),
          e.maxQuotaBytes(),
          e.maxMailboxes(),
          e.maxAliases());
    } else if (payload instanceof DomainActivatedEvent) {
      active = true;
    } else if (payload instanceof DomainDeactivatedEvent) {
      active = false;
    } else if (payload instanceof DomainDeletedEvent) {
      exists = false;
    } else {
      return;
    }
    position = event.position();
  }

  Optional<DomainAsOf> view(Instant asOf) {
    if (!exists) {
      return Optional.empty();
    }
    return Optional.of(
        new DomainAsOf(
            name,
            description,
            Quota.ofBytes(defaultQuotaBytes).gigabytes(),
            Quota.ofBytes(maxQuotaBytes).gigabytes(),
            maxMailboxes,
            maxAliases,
            active,
            asOf,
            position));
  }

  private void settings(
      String description, long defaultQuota, long maxQuota, int maxMailboxes, int maxAliases) {
    this.description = description;
    this.defaultQuotaBytes = defaultQuota;
    this.maxQuotaBytes = maxQuota;
    this.maxMailboxes = maxMailboxes;
    this.maxAliases = maxAliases;
  }
}
