package org.mailledger.ops.imports;

import static org.mailledger.ops.imports.Finding.Kind.CHANGED;
import static org.mailledger.ops.imports.Finding.Kind.NOTE;
import static org.mailledger.ops.imports.Finding.Kind.SKIPPED;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

/**
 * Turns the source rows into steps, checking every rule the command side will check, so that what
 * breaks one is reported with its reason before anything is sent (and a dry run can say so), and
 * what an earlier run imported is not sent again.
 *
 * <p>Aliases: one whose recipient in a domain hosted here is neither a mailbox nor an alias
 * (because it never was, or because that row is skipped) is skipped whole, as is every alias on a
 * forwarding loop: half an alias would silently deliver to fewer people than before. Aliases are
 * sent in an order where each alias's hosted recipients exist first.
 */
final class ImportPlanner {

  private static final int MAX_LIMIT = 1_000_000;
  private static final int MAX_RECIPIENTS = 1000;

  private final SourceData source;
  private final LogState log;
  private final List<Step> steps = new ArrayList<>();
  private final Map<Step.Kind, Integer> already = ImportPlan.counters();
  private final List<Finding> findings;

  // Domains (ASCII name) that exist after the import: planned now, imported before, or foreign.
  private final Map<String, DomainLimits> domains = new LinkedHashMap<>();
  private final Set<String> aliasDomains = new HashSet<>();
  private final Set<String> mailboxes = new HashSet<>();
  private final Set<String> aliases = new HashSet<>();

  private record DomainLimits(
      String id, Quota maxQuota, int maxMailboxes, int maxAliases, int[] counts) {}

  private ImportPlanner(SourceData source, LogState log) {
    this.source = source;
    this.log = log;
    this.findings = new ArrayList<>(source.findings());
  }

  static ImportPlan plan(SourceData source, LogState log) {
    return new ImportPlanner(source, log).plan();
  }

  /** Every aggregate id the plan may touch, for {@link LogState#read}. */
  static Set<String> aggregateIds(SourceData source) {
    Set<String> ids = new LinkedHashSet<>();
    for (SourceDomain d : source.domains()) {
      quietly(() -> ids.add(ImportIds.domain(DomainName.of(d.name()).ascii())));
    }
    for (SourceAliasDomain a : source.aliasDomains()) {
      quietly(() -> ids.add(ImportIds.aliasDomain(DomainName.of(a.aliasDomain()).ascii())));
    }
    for (SourceMailbox m : source.mailboxes()) {
      quietly(() -> ids.add(ImportIds.mailbox(EmailAddress.parse(m.address()).toString())));
    }
    for (SourceAlias a : source.aliases()) {
      quietly(() -> ids.add(ImportIds.alias(AliasAddress.parse(a.address()).toString())));
    }
    for (SourceTlsPolicy t : source.tlsPolicies()) {
      quietly(() -> ids.add(DomainName.of(t.domain()).ascii()));
    }
    return ids;
  }

  private ImportPlan plan() {
    Map<String, SourceAliasDomain> aliasDomainRows = aliasDomainRows();
    planDomains(aliasDomainRows.keySet());
    planAliasDomains(aliasDomainRows.values());
    planMailboxes();
    planAliases();
    planTlsPolicies();
    planDeactivations(aliasDomainRows.keySet());
    return new ImportPlan(List.copyOf(steps), already, List.copyOf(findings));
  }

  /**
   * PostfixAdmin keeps an alias domain as a domain row too. Such a row becomes an alias domain only
   * (Mailledger's alias domain takes a free name); one that holds mailboxes or aliases of its own
   * stays a domain, and its alias-domain row is skipped.
   */
  private Map<String, SourceAliasDomain> aliasDomainRows() {
    Set<String> withContent = new HashSet<>();
    source.mailboxes().forEach(m -> withContent.add(domainPart(m.address())));
    source.aliases().forEach(a -> withContent.add(domainPart(a.address())));
    Map<String, SourceAliasDomain> rows = new LinkedHashMap<>();
    for (SourceAliasDomain row : sorted(source.aliasDomains(), SourceAliasDomain::aliasDomain)) {
      String entity = "alias domain " + row.aliasDomain();
      try {
        String name = DomainName.of(row.aliasDomain()).ascii();
        if (withContent.contains(name)) {
          skip(
              entity,
              "its domain holds mailboxes or aliases of its own; Mailledger keeps an alias domain"
                  + " only on a name without any: kept as a domain, the alias domain is not imported");
        } else if (rows.containsKey(name)) {
          skip(entity, "listed twice");
        } else {
          rows.put(name, row);
        }
      } catch (InvalidValueException e) {
        skip(entity, "invalid name: " + e.getMessage());
      }
    }
    return rows;
  }

  private void planDomains(Set<String> aliasDomainNames) {
    for (SourceDomain d : sorted(source.domains(), SourceDomain::name)) {
      String entity = "domain " + d.name();
      try {
        DomainName name = DomainName.of(d.name());
        if (aliasDomainNames.contains(name.ascii())) {
          continue;
        }
        if (domains.containsKey(name.ascii())) {
          skip(entity, "listed twice (" + name.ascii() + ")");
          continue;
        }
        String id = ImportIds.domain(name.ascii());
        Quota max = Quota.ofBytes(d.maxQuotaBytes());
        Quota fallback = Quota.ofBytes(d.defaultQuotaBytes());
        if (!fallback.fitsWithin(max)) {
          note(
              entity,
              "its default quota for new mailboxes is above its maximum per mailbox: the default"
                  + " is set to the maximum");
          fallback = max;
        }
        checkLimit("mailbox limit", d.maxMailboxes());
        checkLimit("alias limit", d.maxAliases());
        String description = FreeText.of("description", d.description(), 255);
        Step step =
            new Step(
                Step.Kind.DOMAIN,
                entity,
                fingerprint(
                    name.ascii(),
                    description,
                    fallback.bytes(),
                    max.bytes(),
                    d.maxMailboxes(),
                    d.maxAliases(),
                    d.active()),
                List.of(
                    new CreateDomainCommand(
                        id, name, description, fallback, max, d.maxMailboxes(), d.maxAliases())));
        String owner = log.domainOwner(name.ascii());
        if (owner != null && !owner.equals(id)) {
          note(
              entity,
              "exists in Mailledger already (not from an import): its settings are left as they"
                  + " are, its mailboxes and aliases are imported into it");
          domains.put(name.ascii(), new DomainLimits(owner, null, 0, 0, new int[2]));
          continue;
        }
        if (decide(step, id)) {
          domains.put(
              name.ascii(),
              new DomainLimits(id, max, d.maxMailboxes(), d.maxAliases(), new int[2]));
        }
      } catch (InvalidValueException e) {
        skip(entity, "invalid: " + e.getMessage() + "; its mailboxes and aliases are skipped too");
      }
    }
  }

  private void planAliasDomains(Iterable<SourceAliasDomain> rows) {
    for (SourceAliasDomain row : rows) {
      String entity = "alias domain " + row.aliasDomain();
      try {
        DomainName alias = DomainName.of(row.aliasDomain());
        DomainName target = DomainName.of(row.targetDomain());
        if (!domains.containsKey(target.ascii())) {
          skip(entity, "its target " + target + " is not a domain imported here");
          continue;
        }
        String owner = log.domainOwner(alias.ascii());
        String id = ImportIds.aliasDomain(alias.ascii());
        if (owner != null && !owner.equals(id)) {
          skip(entity, "the name is a domain in Mailledger already");
          continue;
        }
        // Postfix takes mail for it only while both its domain row and its alias row are active.
        boolean active = row.active() && domainActive(alias.ascii());
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateAliasDomainCommand(id, alias, target));
        if (!active) {
          commands.add(new DeactivateAliasDomainCommand(id));
        }
        Step step =
            new Step(
                Step.Kind.ALIAS_DOMAIN,
                entity,
                fingerprint(alias.ascii(), target.ascii(), active),
                commands);
        if (decide(step, id)) {
          aliasDomains.add(alias.ascii());
        }
      } catch (InvalidValueException e) {
        skip(entity, "invalid: " + e.getMessage());
      }
    }
  }

  private boolean domainActive(String ascii) {
    return source.domains().stream()
        .filter(d -> sameDomain(d.name(), ascii))
        .findFirst()
        .map(SourceDomain::active)
        .orElse(true);
  }

  private void planMailboxes() {
    for (SourceMailbox m : sorted(source.mailboxes(), SourceMailbox::address)) {
      String entity = "mailbox " + m.address();
      try {
        EmailAddress address = EmailAddress.parse(m.address());
        String key = address.toString();
        DomainLimits domain = domains.get(address.domain().ascii());
        if (domain == null) {
          skip(entity, "its domain " + address.domain() + " is not imported");
          continue;
        }
        if (mailboxes.contains(key)) {
          skip(entity, "duplicate address " + key);
          continue;
        }
        PasswordHashes.Outcome hash = PasswordHashes.classify(m.passwordHash());
        if (!hash.kept()) {
          skip(entity, hash.problem());
          continue;
        }
        String name = FreeText.of("name", m.name(), 255);
        Quota quota = m.quotaBytes() == null ? null : Quota.ofBytes(m.quotaBytes());
        if (quota != null && domain.maxQuota() != null && !quota.fitsWithin(domain.maxQuota())) {
          skip(
              entity,
              "its quota ("
                  + describe(quota)
                  + ") exceeds its domain's maximum per mailbox ("
                  + describe(domain.maxQuota())
                  + ")");
          continue;
        }
        if (!withinLimit(domain, 0, domain.maxMailboxes())) {
          skip(entity, "its domain's mailbox limit (" + domain.maxMailboxes() + ") is reached");
          continue;
        }
        String id = ImportIds.mailbox(key);
        String owner = log.addressOwner(key);
        if (owner != null && !owner.equals(id)) {
          skip(entity, "the address is taken in Mailledger already (not by an import)");
          mailboxes.add(key);
          continue;
        }
        List<Object> commands = new ArrayList<>();
        commands.add(
            new CreateMailboxCommand(
                id, address, new Secret(hash.hash()), name, quota, m.sendOnly()));
        if (!m.active()) {
          commands.add(new DeactivateMailboxCommand(id));
        }
        Step step =
            new Step(
                Step.Kind.MAILBOX,
                entity,
                fingerprint(
                    key,
                    hash.hash(),
                    name,
                    quota == null ? "default" : quota.bytes(),
                    m.sendOnly(),
                    m.active()),
                commands);
        if (decide(step, id)) {
          mailboxes.add(key);
          domain.counts()[0]++;
        }
      } catch (InvalidValueException e) {
        skip(entity, "invalid: " + e.getMessage());
      }
    }
  }

  /** One alias that passed the checks of its own row, before the checks across aliases. */
  private record Candidate(
      String key,
      String entity,
      List<EmailAddress> recipients,
      Step step,
      String id,
      DomainLimits domain) {}

  private void planAliases() {
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (SourceAlias a : sorted(source.aliases(), SourceAlias::address)) {
      String entity = (a.address().startsWith("@") ? "catch-all " : "alias ") + a.address();
      try {
        AliasAddress address = AliasAddress.parse(a.address());
        String key = address.toString();
        DomainLimits domain = domains.get(address.domain().ascii());
        if (domain == null) {
          skip(entity, "its domain " + address.domain() + " is not imported");
          continue;
        }
        if (mailboxes.contains(key)) {
          skip(
              entity,
              "the address is a mailbox: Mailledger keeps no alias on a mailbox's address, so"
                  + " this forwarding is not imported");
          continue;
        }
        if (candidates.containsKey(key) || aliases.contains(key)) {
          skip(entity, "duplicate address " + key);
          continue;
        }
        List<EmailAddress> recipients = addresses("recipient", a.recipients());
        if (recipients.isEmpty()) {
          skip(entity, "it has no recipient; Mailledger's aliases need at least one");
          continue;
        }
        if (recipients.size() > MAX_RECIPIENTS) {
          skip(entity, "it has more than " + MAX_RECIPIENTS + " recipients");
          continue;
        }
        if (recipients.stream().anyMatch(r -> r.toString().equals(key))) {
          skip(entity, "alias loop: it forwards to itself");
          continue;
        }
        List<EmailAddress> senders = addresses("sender", a.senders());
        for (EmailAddress sender : senders) {
          if (!mailboxes.contains(sender.toString())) {
            throw new InvalidValueException(
                "sender",
                sender + " is not a mailbox imported here; only mailboxes send as aliases");
          }
        }
        String description = FreeText.of("description", a.description(), 255);
        String id = ImportIds.alias(key);
        String owner = log.addressOwner(key);
        if (owner != null && !owner.equals(id)) {
          skip(entity, "the address is taken in Mailledger already (not by an import)");
          aliases.add(key);
          continue;
        }
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateAliasCommand(id, address, recipients, senders, description));
        if (!a.active()) {
          commands.add(new DeactivateAliasCommand(id));
        }
        Step step =
            new Step(
                Step.Kind.ALIAS,
                entity,
                fingerprint(key, recipients, senders, description, a.active()),
                commands);
        LogState.History history = log.history(id);
        if (history != null) {
          // Known to the log: decide() counts or reports it, and never sends it again.
          decide(step, id);
          if (!history.deleted()) {
            aliases.add(key);
            domain.counts()[1]++;
          }
          continue;
        }
        candidates.put(key, new Candidate(key, entity, recipients, step, id, domain));
      } catch (InvalidValueException e) {
        skip(entity, "invalid: " + e.getMessage());
      }
    }
    for (Candidate c : List.copyOf(candidates.values())) {
      if (!withinLimit(c.domain(), 1, c.domain().maxAliases())) {
        skip(c.entity(), "its domain's alias limit (" + c.domain().maxAliases() + ") is reached");
        candidates.remove(c.key());
      } else {
        c.domain().counts()[1]++;
      }
    }
    dropMissingRecipients(candidates);
    dropLoops(candidates);
    dropMissingRecipients(candidates);
    for (Candidate c : dependencyOrder(candidates)) {
      steps.add(c.step());
      aliases.add(c.key());
    }
  }

  /** Until nothing changes: an alias whose hosted recipient will not exist is skipped whole. */
  private void dropMissingRecipients(Map<String, Candidate> candidates) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Candidate c : List.copyOf(candidates.values())) {
        for (EmailAddress r : c.recipients()) {
          String recipient = r.toString();
          if (hosted(r.domain().ascii())
              && !mailboxes.contains(recipient)
              && !aliases.contains(recipient)
              && !candidates.containsKey(recipient)
              && log.addressOwner(recipient) == null) {
            skip(
                c.entity(),
                "its recipient "
                    + recipient
                    + " is in a domain hosted here but is neither a mailbox nor an alias (absent"
                    + " in the source, or skipped): the alias is skipped whole");
            candidates.remove(c.key());
            c.domain().counts()[1]--;
            changed = true;
            break;
          }
        }
      }
    }
  }

  private void dropLoops(Map<String, Candidate> candidates) {
    List<List<String>> cycles = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>();
    for (String start : candidates.keySet()) {
      findCycles(start, candidates, state, new ArrayList<>(), cycles);
    }
    for (List<String> cycle : cycles) {
      String path = String.join(" -> ", cycle) + " -> " + cycle.get(0);
      for (String key : cycle) {
        Candidate c = candidates.remove(key);
        if (c != null) {
          skip(c.entity(), "alias loop: " + path);
          c.domain().counts()[1]--;
        }
      }
    }
  }

  // state: absent = not seen, 1 = on the current path, 2 = done.
  private static void findCycles(
      String key,
      Map<String, Candidate> candidates,
      Map<String, Integer> state,
      List<String> path,
      List<List<String>> cycles) {
    Integer seen = state.get(key);
    if (seen != null) {
      if (seen == 1) {
        cycles.add(List.copyOf(path.subList(path.indexOf(key), path.size())));
      }
      return;
    }
    state.put(key, 1);
    path.add(key);
    for (EmailAddress r : candidates.get(key).recipients()) {
      if (candidates.containsKey(r.toString())) {
        findCycles(r.toString(), candidates, state, path, cycles);
      }
    }
    path.remove(path.size() - 1);
    state.put(key, 2);
  }

  /**
   * Every alias after the aliases it forwards to: the command side wants hosted targets to exist.
   */
  private static List<Candidate> dependencyOrder(Map<String, Candidate> candidates) {
    List<Candidate> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (String key : candidates.keySet()) {
      place(key, candidates, placed, ordered);
    }
    return ordered;
  }

  private static void place(
      String key, Map<String, Candidate> candidates, Set<String> placed, List<Candidate> ordered) {
    if (!placed.add(key)) {
      return;
    }
    Candidate c = candidates.get(key);
    for (EmailAddress r : c.recipients()) {
      if (candidates.containsKey(r.toString())) {
        place(r.toString(), candidates, placed, ordered);
      }
    }
    ordered.add(c);
  }

  private void planTlsPolicies() {
    Set<String> seen = new HashSet<>();
    for (SourceTlsPolicy t : sorted(source.tlsPolicies(), SourceTlsPolicy::domain)) {
      String entity = "TLS policy " + t.domain();
      try {
        DomainName destination = DomainName.of(t.domain());
        if (!seen.add(destination.ascii())) {
          skip(entity, "listed twice");
          continue;
        }
        if (!t.active()) {
          skip(entity, "inactive in the source; Mailledger's TLS policies have no inactive state");
          continue;
        }
        TlsPolicyLevel level = TlsPolicyLevel.of(t.policy());
        String params = t.params() == null || t.params().isBlank() ? null : t.params().strip();
        String description = FreeText.of("description", t.description(), 255);
        decide(
            new Step(
                Step.Kind.TLS_POLICY,
                entity,
                fingerprint(destination.ascii(), level.postfixName(), params, description),
                List.of(new SetTlsPolicyCommand(destination, level, params, description))),
            destination.ascii());
      } catch (InvalidValueException e) {
        skip(entity, "invalid: " + e.getMessage());
      }
    }
  }

  /**
   * Inactive domains are switched off once their mailboxes and aliases are in. A later run does it
   * only while nobody has activated or deactivated the domain since, so it finishes an interrupted
   * import without undoing an admin's change.
   */
  private void planDeactivations(Set<String> aliasDomainNames) {
    for (SourceDomain d : sorted(source.domains(), SourceDomain::name)) {
      if (d.active()) {
        continue;
      }
      quietly(
          () -> {
            String ascii = DomainName.of(d.name()).ascii();
            DomainLimits domain = domains.get(ascii);
            String id = ImportIds.domain(ascii);
            if (aliasDomainNames.contains(ascii) || domain == null || !domain.id().equals(id)) {
              return;
            }
            LogState.History history = log.history(id);
            boolean pending =
                history == null
                    || (!history.deleted()
                        && !history.has("DomainDeactivatedEvent")
                        && !history.has("DomainActivatedEvent")
                        && history.fingerprint() != null
                        && stepOf(Step.Kind.DOMAIN, "domain " + d.name()) == null
                        && sameFingerprintAsSource(d, history));
            boolean created = stepOf(Step.Kind.DOMAIN, "domain " + d.name()) != null;
            if (created || pending) {
              steps.add(
                  new Step(
                      Step.Kind.DOMAIN_DEACTIVATION,
                      "domain " + d.name() + " (inactive in the source)",
                      null,
                      List.of(new DeactivateDomainCommand(id))));
            }
          });
    }
  }

  // The domain was counted as "already imported" exactly when its fingerprint matched.
  private boolean sameFingerprintAsSource(SourceDomain d, LogState.History history) {
    return findings.stream()
        .noneMatch(f -> f.kind() == CHANGED && f.entity().equals("domain " + d.name()));
  }

  private Step stepOf(Step.Kind kind, String entity) {
    return steps.stream()
        .filter(s -> s.kind() == kind && s.entity().equals(entity))
        .findFirst()
        .orElse(null);
  }

  /**
   * Adds the step unless the log knows its aggregate; returns whether the row exists in Mailledger
   * afterwards (sent now, or imported before and not deleted).
   */
  private boolean decide(Step step, String aggregateId) {
    LogState.History history = log.history(aggregateId);
    if (history == null) {
      steps.add(step);
      return true;
    }
    if (history.fingerprint() == null) {
      skip(step.entity(), "exists in Mailledger already (not from an import): left as it is");
      return true;
    }
    if (history.deleted()) {
      note(
          step.entity(),
          "imported by an earlier run and deleted in Mailledger since: not imported again");
      return false;
    }
    if (history.fingerprint().equals(step.fingerprint())) {
      already.merge(step.kind(), 1, Integer::sum);
      return true;
    }
    findings.add(
        new Finding(
            CHANGED,
            step.entity(),
            "changed in the source since an earlier run imported it: not applied, Mailledger"
                + " keeps what it has (change it through the API)"));
    return true;
  }

  private boolean hosted(String ascii) {
    return domains.containsKey(ascii) || log.domainOwner(ascii) != null;
  }

  private static boolean withinLimit(DomainLimits domain, int index, int limit) {
    return limit == 0 || domain.counts()[index] < limit;
  }

  private static void checkLimit(String what, int limit) {
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new InvalidValueException(
          "limit",
          what + " must be between 0 (unlimited) and " + MAX_LIMIT + " (got " + limit + ")");
    }
  }

  private static List<EmailAddress> addresses(String field, List<String> raw) {
    Set<String> seen = new LinkedHashSet<>();
    List<EmailAddress> parsed = new ArrayList<>();
    for (String value : raw == null ? List.<String>of() : raw) {
      EmailAddress address;
      try {
        address = EmailAddress.parse(value.strip());
      } catch (InvalidValueException e) {
        throw new InvalidValueException(field, "'" + printable(value) + "' " + e.getMessage());
      }
      // Postfix delivers once per address, so a repeated one changes nothing.
      if (seen.add(address.toString())) {
        parsed.add(address);
      }
    }
    return parsed;
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(80)
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format("U+%04X", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  private void skip(String entity, String message) {
    findings.add(new Finding(SKIPPED, entity, message));
  }

  private void note(String entity, String message) {
    findings.add(new Finding(NOTE, entity, message));
  }

  private static String describe(Quota quota) {
    return quota.isUnlimited() ? "unlimited" : quota.bytes() + " bytes";
  }

  private static boolean sameDomain(String raw, String ascii) {
    try {
      return DomainName.of(raw).ascii().equals(ascii);
    } catch (InvalidValueException e) {
      return false;
    }
  }

  private static String domainPart(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    if (at < 0) {
      return "";
    }
    try {
      return DomainName.of(address.substring(at + 1)).ascii();
    } catch (InvalidValueException e) {
      return "";
    }
  }

  private static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> key) {
    return rows.stream()
        .sorted(Comparator.comparing(r -> Objects.requireNonNullElse(key.apply(r), "")))
        .toList();
  }

  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (InvalidValueException e) {
      // Reported where the row is planned.
    }
  }

  /** A short digest of the values a row was imported with. */
  static String fingerprint(Object... values) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Object value : values) {
        digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
