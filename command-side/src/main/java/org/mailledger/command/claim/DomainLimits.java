package org.mailledger.command.claim;

import static org.mailledger.command.error.RuleViolationException.invalid;

import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.value.Quota;

/**
 * A domain's settings that the claims enforce on mailboxes and aliases, and the rules about them.
 * The aggregates, the claims and {@code ops import} call these methods, so each limit is stated
 * once.
 *
 * <p>The canonical constructor checks nothing: replaying a domain's events must rebuild the limits
 * it was given, whatever the rules say today. New limits go through {@link #checked}.
 */
public record DomainLimits(Quota defaultQuota, Quota maxQuota, int maxMailboxes, int maxAliases) {

  /** The highest mailbox or alias limit a domain takes; 0 stands for unlimited. */
  public static final int MAX_LIMIT = 1_000_000;

  /**
   * The limits a domain is created or changed with.
   *
   * @throws RuleViolationException {@code default-quota-above-max} or {@code invalid-limit}
   */
  public static DomainLimits checked(
      Quota defaultQuota, Quota maxQuota, int maxMailboxes, int maxAliases) {
    if (!defaultWithinMax(defaultQuota, maxQuota)) {
      throw invalid(
          "default-quota-above-max",
          "the default quota must not exceed the domain's maximum quota per mailbox");
    }
    requireLimit("maxMailboxes", maxMailboxes);
    requireLimit("maxAliases", maxAliases);
    return new DomainLimits(defaultQuota, maxQuota, maxMailboxes, maxAliases);
  }

  /** Whether the quota new mailboxes get stays within the most one mailbox may have. */
  public static boolean defaultWithinMax(Quota defaultQuota, Quota maxQuota) {
    return defaultQuota.fitsWithin(maxQuota);
  }

  /** Whether a mailbox of this domain may have {@code quota}. */
  public boolean admitsQuota(Quota quota) {
    return quota.fitsWithin(maxQuota);
  }

  /**
   * As {@link #admitsQuota}.
   *
   * @throws RuleViolationException {@code quota-above-domain-max}
   */
  public void requireQuotaAdmitted(Quota quota) {
    if (!admitsQuota(quota)) {
      throw invalid(
          "quota-above-domain-max",
          "the quota must not exceed the domain's maximum of "
              + maxQuota.gigabytes()
              + " GB per mailbox");
    }
  }

  /**
   * Whether a domain that holds {@code count} addresses of {@code kind} takes one more. {@link
   * JdbcClaims#claimAddress} asks the same inside the UPDATE that counts, under the domain row's
   * lock, so that two nodes cannot both take the last slot; a test holds the two together.
   */
  public boolean hasRoomFor(ClaimKind kind, int count) {
    int limit = kind == ClaimKind.MAILBOX ? maxMailboxes : maxAliases;
    return limit == 0 || count < limit;
  }

  private static void requireLimit(String field, int limit) {
    if (limit < 0 || limit > MAX_LIMIT) {
      throw invalid("invalid-limit", field + " must be between 0 (unlimited) and " + MAX_LIMIT);
    }
  }
}
