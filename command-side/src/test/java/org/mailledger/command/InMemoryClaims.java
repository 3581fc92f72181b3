package org.mailledger.command;

import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailledger.command.claim.AddressClaim;
import org.mailledger.command.claim.AliasDomainClaim;
import org.mailledger.command.claim.AliasReference;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.claim.ReferenceRole;

/**
 * The claims as maps, for aggregate tests; the same answers as {@code JdbcClaims}, whose races are
 * tested against real PostgreSQL in {@code ClaimsConcurrencyTest}.
 */
public class InMemoryClaims implements Claims {

  private final Map<String, DomainClaim> domains = new LinkedHashMap<>();
  private final Map<String, AddressClaim> addresses = new LinkedHashMap<>();
  private final Set<List<String>> references = new LinkedHashSet<>();
  private final Map<String, AliasDomainClaim> aliasDomains = new LinkedHashMap<>();

  @Override
  public void claimDomain(String domainId, String name, DomainLimits limits) {
    if (domainByName(name).isPresent() || aliasDomainByName(name).isPresent()) {
      throw conflict("domain-exists", "domain " + name + " exists already");
    }
    domains.put(
        domainId,
        new DomainClaim(
            domainId,
            name,
            true,
            limits.defaultQuota(),
            limits.maxQuota(),
            limits.maxMailboxes(),
            limits.maxAliases(),
            0,
            0));
  }

  @Override
  public void changeDomainLimits(String domainId, DomainLimits limits) {
    DomainClaim d = domain(domainId);
    domains.put(
        domainId,
        new DomainClaim(
            domainId,
            d.name(),
            d.active(),
            limits.defaultQuota(),
            limits.maxQuota(),
            limits.maxMailboxes(),
            limits.maxAliases(),
            d.mailboxCount(),
            d.aliasCount()));
  }

  @Override
  public void setDomainActive(String domainId, boolean active) {
    DomainClaim d = domain(domainId);
    domains.put(
        domainId,
        new DomainClaim(
            domainId,
            d.name(),
            active,
            d.defaultQuota(),
            d.maxQuota(),
            d.maxMailboxes(),
            d.maxAliases(),
            d.mailboxCount(),
            d.aliasCount()));
  }

  @Override
  public void releaseDomain(String domainId) {
    DomainClaim d = domain(domainId);
    List<String> pointing = aliasDomainsOf(domainId).stream().map(AliasDomainClaim::name).toList();
    if (!pointing.isEmpty()) {
      throw conflict(
          "domain-not-empty",
          "domain "
              + d.name()
              + " is the target of the alias domain(s) "
              + String.join(", ", pointing)
              + "; delete them first",
          pointing);
    }
    if (d.mailboxCount() > 0 || d.aliasCount() > 0) {
      throw conflict(
          "domain-not-empty",
          "domain "
              + d.name()
              + " still holds "
              + d.mailboxCount()
              + " mailbox(es) and "
              + d.aliasCount()
              + " alias(es); delete them first");
    }
    domains.remove(domainId);
  }

  @Override
  public Optional<DomainClaim> domainById(String domainId) {
    return Optional.ofNullable(domains.get(domainId));
  }

  @Override
  public Optional<DomainClaim> domainByName(String name) {
    return domains.values().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  @Override
  public void claimAliasDomain(String aliasDomainId, String name, String targetName) {
    if (aliasDomainByName(targetName).isPresent()) {
      throw conflict("target-is-alias-domain", targetName + " is itself an alias domain");
    }
    DomainClaim target =
        domainByName(targetName)
            .orElseThrow(() -> notFound("unknown-domain", "no domain " + targetName));
    if (domainByName(name).isPresent() || aliasDomainByName(name).isPresent()) {
      throw conflict("domain-exists", "domain " + name + " exists already");
    }
    aliasDomains.put(
        aliasDomainId,
        new AliasDomainClaim(aliasDomainId, name, target.domainId(), target.name(), true));
  }

  @Override
  public void setAliasDomainActive(String aliasDomainId, boolean active) {
    AliasDomainClaim a = aliasDomains.get(aliasDomainId);
    if (a == null) {
      throw notFound("unknown-alias-domain", "no alias domain " + aliasDomainId);
    }
    aliasDomains.put(
        aliasDomainId,
        new AliasDomainClaim(aliasDomainId, a.name(), a.targetDomainId(), a.targetName(), active));
  }

  @Override
  public void releaseAliasDomain(String aliasDomainId) {
    if (aliasDomains.remove(aliasDomainId) == null) {
      throw notFound("unknown-alias-domain", "no alias domain " + aliasDomainId);
    }
  }

  @Override
  public Optional<AliasDomainClaim> aliasDomainByName(String name) {
    return aliasDomains.values().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  @Override
  public List<AliasDomainClaim> aliasDomainsOf(String targetDomainId) {
    return aliasDomains.values().stream()
        .filter(a -> a.targetDomainId().equals(targetDomainId))
        .sorted(java.util.Comparator.comparing(AliasDomainClaim::name))
        .toList();
  }

  @Override
  public void claimAddress(String address, ClaimKind kind, String ownerId, String domainId) {
    DomainClaim d = domain(domainId);
    if (!d.active()) {
      throw conflict("domain-inactive", "domain " + d.name() + " is inactive");
    }
    boolean mailbox = kind == ClaimKind.MAILBOX;
    if (!d.limits().hasRoomFor(kind, mailbox ? d.mailboxCount() : d.aliasCount())) {
      throw conflict(
          mailbox ? "mailbox-limit-reached" : "alias-limit-reached",
          "domain " + d.name() + " holds its maximum");
    }
    if (addresses.containsKey(address)) {
      throw conflict("address-taken", address + " is in use already");
    }
    addresses.put(address, new AddressClaim(address, kind, ownerId, domainId));
    count(domainId, kind, +1);
  }

  @Override
  public void moveAddress(String oldAddress, String newAddress) {
    if (addresses.containsKey(newAddress)) {
      throw conflict("address-taken", newAddress + " is in use already");
    }
    AddressClaim old = addresses.remove(oldAddress);
    addresses.put(
        newAddress, new AddressClaim(newAddress, old.kind(), old.ownerId(), old.domainId()));
    List<List<String>> moved =
        references.stream().filter(r -> r.get(1).equals(oldAddress)).toList();
    moved.forEach(
        r -> {
          references.remove(r);
          references.add(List.of(r.get(0), newAddress, r.get(2)));
        });
  }

  @Override
  public void releaseAddress(String address) {
    AddressClaim claim = addresses.remove(address);
    if (claim == null) {
      throw notFound("unknown-address", address + " is not in use");
    }
    count(claim.domainId(), claim.kind(), -1);
  }

  @Override
  public Optional<AddressClaim> address(String address) {
    return Optional.ofNullable(addresses.get(address));
  }

  @Override
  public List<AliasReference> referencesTo(String targetAddress) {
    List<AliasReference> found = new ArrayList<>();
    for (List<String> r : references) {
      if (r.get(1).equals(targetAddress)) {
        String aliasAddress =
            addresses.values().stream()
                .filter(a -> a.ownerId().equals(r.get(0)))
                .map(AddressClaim::address)
                .findFirst()
                .orElse("?");
        found.add(
            new AliasReference(r.get(0), aliasAddress, r.get(1), ReferenceRole.valueOf(r.get(2))));
      }
    }
    return found;
  }

  @Override
  public void addReference(String aliasId, String targetAddress, ReferenceRole role) {
    references.add(List.of(aliasId, targetAddress, role.name()));
  }

  @Override
  public void removeReference(String aliasId, String targetAddress, ReferenceRole role) {
    references.remove(List.of(aliasId, targetAddress, role.name()));
  }

  @Override
  public void removeReferencesFrom(String aliasId) {
    references.removeIf(r -> r.get(0).equals(aliasId));
  }

  private DomainClaim domain(String domainId) {
    DomainClaim d = domains.get(domainId);
    if (d == null) {
      throw notFound("unknown-domain", "no domain " + domainId);
    }
    return d;
  }

  private void count(String domainId, ClaimKind kind, int delta) {
    DomainClaim d = domain(domainId);
    boolean mailbox = kind == ClaimKind.MAILBOX;
    domains.put(
        domainId,
        new DomainClaim(
            domainId,
            d.name(),
            d.active(),
            d.defaultQuota(),
            d.maxQuota(),
            d.maxMailboxes(),
            d.maxAliases(),
            d.mailboxCount() + (mailbox ? delta : 0),
            d.aliasCount() + (mailbox ? 0 : delta)));
  }
}
