package org.mailledger.projection.lookup;

import java.util.HashSet;
import java.util.Set;

/**
 * What the mum writer knows, within one transaction, of which hosted domains have alias domains:
 * read by the writer from its own tables when the transaction begins, then kept up to date by it.
 * Alias domains of a domain are in that domain's sequence, so within the transaction only its own
 * batch can add one. Domains known to have none skip the statements that would expand their rows
 * into alias domains and change nothing.
 *
 * <p>The knowledge is the mum writer's, kept per transaction; the batch carries it because the
 * batch is the one object a writer sees per transaction. Its home is the mum package once the
 * layout writers get a per-transaction state of their own.
 */
public final class AliasDomainTargets {

  /** Null while not known: then every domain may have alias domains. */
  private Set<String> targets;

  public void reset(Set<String> targets) {
    this.targets = new HashSet<>(targets);
  }

  public void added(String domain) {
    if (targets != null) {
      targets.add(domain);
    }
  }

  public boolean mayHave(String domain) {
    return targets == null || targets.contains(domain);
  }
}
