package org.mailledger.api.read;

/**
 * A domain as the API shows it; quotas in GB, limits of zero meaning unlimited; the alias domains
 * that deliver to it, by name.
 */
public record DomainView(
    String domain,
    String unicode,
    String description,
    long quotaGb,
    long maxQuotaGb,
    int maxMailboxes,
    int maxAliases,
    boolean active,
    long mailboxes,
    long aliases,
    java.util.List<String> aliasDomains) {

  /** The same domain with these alias domains. */
  public DomainView withAliasDomains(java.util.List<String> names) {
    return new DomainView(
        domain,
        unicode,
        description,
        quotaGb,
        maxQuotaGb,
        maxMailboxes,
        maxAliases,
        active,
        mailboxes,
        aliases,
        names);
  }
}
