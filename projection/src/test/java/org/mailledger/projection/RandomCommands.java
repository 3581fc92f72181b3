package org.mailledger.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.alias.ActivateAliasCommand;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.AddAliasSenderCommand;
import org.mailledger.schema.alias.ChangeAliasDescriptionCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.alias.DeleteAliasCommand;
import org.mailledger.schema.alias.RemoveAliasRecipientCommand;
import org.mailledger.schema.alias.RemoveAliasSenderCommand;
import org.mailledger.schema.aliasdomain.ActivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeleteAliasDomainCommand;
import org.mailledger.schema.domain.ActivateDomainCommand;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.domain.DeleteDomainCommand;
import org.mailledger.schema.mailbox.ActivateMailboxCommand;
import org.mailledger.schema.mailbox.ChangeMailboxNameCommand;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.mailbox.SetMailboxSendOnlyCommand;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

/**
 * A seeded stream of commands over a small world (few domains, few names), so that collisions,
 * refusals, renames, cascades and re-creations all happen. Refused commands are counted, not
 * failures: the point is a log with every kind of event in it.
 */
public class RandomCommands {

  private static final String HASH =
      "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q";
  private static final String[] NAMES = {
    "ann", "ben", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "jo"
  };

  private final Random random;
  private final String prefix;
  private final List<String> domainIds = new ArrayList<>();
  private final List<String> domainNames = new ArrayList<>();
  private final List<String> mailboxIds = new ArrayList<>();
  private final List<String> aliasIds = new ArrayList<>();
  private final List<String> aliasDomainNames = new ArrayList<>();
  private final List<String> aliasDomainIds = new ArrayList<>();
  private Runnable onAccepted = () -> {};
  int accepted;
  int refused;

  public RandomCommands(long seed) {
    this.random = new Random(seed);
    this.prefix = "r" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 4; i++) {
      domainIds.add(UUID.randomUUID().toString());
      domainNames.add(prefix + "-" + i + ".example");
    }
    for (int i = 0; i < 3; i++) {
      aliasDomainNames.add(prefix + "-alias" + i + ".example");
    }
  }

  public void run(int count, Consumer<Object> send) {
    for (int i = 0; i < count; i++) {
      onAccepted = () -> {};
      try {
        send.accept(next());
        onAccepted.run();
        accepted++;
      } catch (RuleViolationException
          | IllegalArgumentException
          | org.axonframework.modelling.command.AggregateNotFoundException e) {
        refused++;
      }
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private EmailAddress address() {
    return EmailAddress.parse(pick(List.of(NAMES)) + "@" + pick(domainNames));
  }

  /** A new aggregate id, remembered only if the command that creates it is accepted. */
  private EmailAddress external() {
    return EmailAddress.parse("ext" + random.nextInt(3) + "@elsewhere.net");
  }

  private String newId(List<String> ids) {
    String id = UUID.randomUUID().toString();
    onAccepted = () -> ids.add(id);
    return id;
  }

  private Object next() {
    int domain = random.nextInt(domainIds.size());
    String domainId = domainIds.get(domain);
    String mailbox = mailboxIds.isEmpty() ? "none" : pick(mailboxIds);
    String alias = aliasIds.isEmpty() ? "none" : pick(aliasIds);
    String aliasDomain = aliasDomainIds.isEmpty() ? "none" : pick(aliasDomainIds);
    return switch (random.nextInt(28)) {
      case 0, 1 ->
          new CreateDomainCommand(
              domainId,
              DomainName.of(domainNames.get(domain)),
              "d",
              Quota.ofGigabytes(1),
              Quota.ofGigabytes(4),
              12,
              8);
      case 2 ->
          new ChangeDomainSettingsCommand(
              domainId, "changed " + random.nextInt(3), null, null, null, null);
      case 3 ->
          random.nextBoolean()
              ? new DeactivateDomainCommand(domainId)
              : new ActivateDomainCommand(domainId);
      case 4 -> {
        onAccepted = () -> domainIds.set(domain, UUID.randomUUID().toString());
        yield new DeleteDomainCommand(domainId);
      }
      case 5, 6, 7 ->
          new CreateMailboxCommand(
              newId(mailboxIds),
              address(),
              new Secret(HASH),
              "n",
              random.nextBoolean() ? null : Quota.ofGigabytes(random.nextInt(4)),
              random.nextInt(5) == 0);
      case 8 ->
          new ChangeMailboxPasswordCommand(mailbox, new Secret("password " + random.nextInt(1000)));
      case 9 -> new ChangeMailboxQuotaCommand(mailbox, Quota.ofGigabytes(random.nextInt(6)));
      case 10 -> new ChangeMailboxNameCommand(mailbox, "name " + random.nextInt(5));
      case 11 -> new SetMailboxSendOnlyCommand(mailbox, random.nextBoolean());
      case 12 ->
          random.nextBoolean()
              ? new DeactivateMailboxCommand(mailbox)
              : new ActivateMailboxCommand(mailbox);
      case 13 -> new RenameMailboxCommand(mailbox, LocalPart.of(pick(List.of(NAMES))));
      case 14 -> {
        onAccepted = () -> mailboxIds.remove(mailbox);
        yield new DeleteMailboxCommand(mailbox, random.nextBoolean());
      }
      case 15, 16 ->
          new CreateAliasCommand(
              newId(aliasIds),
              random.nextInt(6) == 0
                  ? AliasAddress.catchAll(DomainName.of(pick(domainNames)))
                  : address().toAliasAddress(),
              random.nextBoolean() ? List.of(external()) : List.of(address(), external()),
              random.nextBoolean() ? List.of(address()) : List.of(),
              "a");
      case 17 ->
          new AddAliasRecipientCommand(
              alias,
              random.nextBoolean()
                  ? address()
                  : EmailAddress.parse("ext" + random.nextInt(5) + "@elsewhere.net"));
      case 18 ->
          new RemoveAliasRecipientCommand(
              alias,
              random.nextBoolean()
                  ? address()
                  : EmailAddress.parse("ext" + random.nextInt(3) + "@elsewhere.net"));
      case 19 -> new AddAliasSenderCommand(alias, address());
      case 20 -> new RemoveAliasSenderCommand(alias, address());
      case 21 ->
          random.nextBoolean()
              ? new DeactivateAliasCommand(alias)
              : new ActivateAliasCommand(alias);
      case 22 -> {
        if (random.nextInt(4) != 0) {
          yield new ChangeAliasDescriptionCommand(alias, "description " + random.nextInt(4));
        }
        onAccepted = () -> aliasIds.remove(alias);
        yield new DeleteAliasCommand(alias, random.nextBoolean());
      }
      case 24, 27 ->
          // Now and then a name or target that is refused: a hosted name, an alias domain as
          // target, a target that is not there.
          new CreateAliasDomainCommand(
              newId(aliasDomainIds),
              DomainName.of(random.nextInt(8) == 0 ? pick(domainNames) : pick(aliasDomainNames)),
              DomainName.of(random.nextInt(8) == 0 ? pick(aliasDomainNames) : pick(domainNames)));
      case 25 ->
          random.nextBoolean()
              ? new DeactivateAliasDomainCommand(aliasDomain)
              : new ActivateAliasDomainCommand(aliasDomain);
      case 26 -> {
        if (random.nextBoolean()) {
          yield random.nextBoolean()
              ? new DeactivateAliasDomainCommand(aliasDomain)
              : new ActivateAliasDomainCommand(aliasDomain);
        }
        onAccepted = () -> aliasDomainIds.remove(aliasDomain);
        yield new DeleteAliasDomainCommand(aliasDomain);
      }
      default ->
          random.nextBoolean()
              ? new SetTlsPolicyCommand(
                  DomainName.of("tls" + random.nextInt(4) + "-" + prefix + ".example"),
                  pick(List.of(TlsPolicyLevel.values())),
                  null,
                  null)
              : new RemoveTlsPolicyCommand(
                  DomainName.of("tls" + random.nextInt(4) + "-" + prefix + ".example"));
    };
  }
}
