package org.mailledger.command.alias;

import java.util.List;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.claim.AliasReference;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.ReferenceRole;

/**
 * Keeps aliases right when an address they point at goes away or moves: each change is an event of
 * the alias itself, so the alias's own history shows why it changed.
 */
public class AliasReferences {

  private final Repository<Alias> aliases;
  private final Claims claims;

  public AliasReferences(Repository<Alias> aliases, Claims claims) {
    this.aliases = aliases;
    this.claims = claims;
  }

  /** Removes the address from every alias that sends to it or lets it send. */
  public void detach(String address, String ownerId, List<AliasReference> references) {
    for (AliasReference reference : references) {
      var alias = aliases.load(reference.aliasId());
      if (reference.role() == ReferenceRole.RECIPIENT) {
        alias.execute(a -> a.removeRecipient(address));
      } else {
        alias.execute(a -> a.removeSender(ownerId, address));
      }
      claims.removeReference(reference.aliasId(), address, reference.role());
    }
  }

  /** Points every alias that sends to the old address at the new one. */
  public void retarget(String oldAddress, String newAddress, List<AliasReference> references) {
    for (AliasReference reference : references) {
      if (reference.role() == ReferenceRole.RECIPIENT) {
        aliases.load(reference.aliasId()).execute(a -> a.retargetRecipient(oldAddress, newAddress));
      }
    }
  }
}
