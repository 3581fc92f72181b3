package org.mailledger.command.claim;

import java.util.List;
import java.util.Optional;

/**
 * The set-wide rules: unique domain names and addresses, per-domain limits, and who points at whom.
 * Every method runs in the caller's transaction, the one that appends the command's events, so a
 * rule broken by a concurrent command rolls back both.
 */
public interface Claims {

  /** Takes a domain name; a {@code domain-exists} conflict when it is taken. */
  void claimDomain(String domainId, String name, DomainLimits limits);

  void changeDomainLimits(String domainId, DomainLimits limits);

  void setDomainActive(String domainId, boolean active);

  /**
   * Frees a domain name; a {@code domain-not-empty} conflict while mailboxes, aliases or alias
   * domains remain (the alias domains named as its subjects).
   */
  void releaseDomain(String domainId);

  /** A hosted domain by id; alias domains are not among them. */
  Optional<DomainClaim> domainById(String domainId);

  /** A hosted domain by name; alias domains are not among them. */
  Optional<DomainClaim> domainByName(String name);

  /**
   * Takes {@code name} for an alias domain of the hosted domain {@code targetName}, in the same
   * name space as hosted domains: conflict {@code domain-exists} when the name is taken, {@code
   * unknown-domain} when there is no such target, conflict {@code target-is-alias-domain} when the
   * target is itself an alias domain. Locks the target's row, as {@link #releaseDomain} does.
   */
  void claimAliasDomain(String aliasDomainId, String name, String targetName);

  void setAliasDomainActive(String aliasDomainId, boolean active);

  /** Frees an alias domain's name. */
  void releaseAliasDomain(String aliasDomainId);

  Optional<AliasDomainClaim> aliasDomainByName(String name);

  /** The alias domains that deliver to a hosted domain, by name. */
  List<AliasDomainClaim> aliasDomainsOf(String targetDomainId);

  /**
   * Takes an address in an active domain within that domain's limit for the kind; conflicts {@code
   * address-taken}, {@code domain-inactive}, {@code mailbox-limit-reached} or {@code
   * alias-limit-reached}, and {@code unknown-domain} when the domain does not exist.
   */
  void claimAddress(String address, ClaimKind kind, String ownerId, String domainId);

  /** Moves a mailbox to a new address in the same domain, and the aliases' references with it. */
  void moveAddress(String oldAddress, String newAddress);

  void releaseAddress(String address);

  Optional<AddressClaim> address(String address);

  List<AliasReference> referencesTo(String targetAddress);

  void addReference(String aliasId, String targetAddress, ReferenceRole role);

  void removeReference(String aliasId, String targetAddress, ReferenceRole role);

  void removeReferencesFrom(String aliasId);
}
