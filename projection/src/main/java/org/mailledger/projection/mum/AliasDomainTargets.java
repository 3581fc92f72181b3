package org.mailledger.projection.mum;

import java.util.HashSet;
import java.util.Set;

/**
 * What the mum writer knows, within one transaction, of which hosted domains have alias domains:
 * read by the writer from its own tables when the transaction begins, then kept up to date by it.
 * Alias domains of a domain are in that domain's sequence, so within the transaction only its own
 * batch can add one. Domains known to have none skip the statements that would expand their rows
 * into alias domains and change nothing. Kept per transaction as the batch's writer state ({@link
 * org.mailledger.projection.lookup.WriteBatch#state}).
 */
final class AliasDomainTargets {

  /** Null while not known: then every domain may have alias domains. */
  private Set<String> targets;

  void reset(Set<String> targets) {
    this.targets = new HashSet<>(targets);
  }

  void added(String domain) {
    if (targets != null) {
      targets.add(domain);
    }
  }

  boolean mayHave(String domain) {
    return targets == null || targets.contains(domain);
  }
}
