package org.mailledger.projection.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.ProjectionTestBase;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.RemoveAliasRecipientCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.springframework.test.context.TestPropertySource;

/**
 * Changes after creation, row by row, in the postfixadmin and dinomail tables: goto kept by the
 * string functions of the UPDATE (first, middle and suffix-sharing recipients removed, one added),
 * a rename moving the mailbox and its own alias row, quota in bytes, the self alias switched off
 * with its mailbox, a deletion taking both rows. {@link DropInLayoutChangesTest} runs it on each
 * engine.
 */
@TestPropertySource(properties = "mailledger.layouts=postfixadmin,dinomail")
abstract class DropInLayoutChangesTestBase extends ProjectionTestBase {

  @Test
  void changesReachEveryColumn() throws Exception {
    send(
        new CreateDomainCommand(
            id(),
            DomainName.of("c.example"),
            "C",
            Quota.ofGigabytes(1),
            Quota.ofGigabytes(10),
            5,
            7));
    String ann = id();
    String bob = id();
    send(mailbox(ann, "ann@c.example"));
    send(mailbox(bob, "bob@c.example"));
    String team = id();
    send(
        new CreateAliasCommand(
            team,
            AliasAddress.parse("team@c.example"),
            List.of(address("ann@c.example"), address("ab@x.test"), address("b@x.test")),
            List.of(),
            ""));
    await();
    Map<String, Object> bobCreated = row("mailbox", "username", "bob@c.example");

    // MariaDB's DATETIME keeps whole seconds: the changes must fall in a later second than the
    // creation for "modified" to show them.
    Thread.sleep(1010 - System.currentTimeMillis() % 1000);
    send(new RemoveAliasRecipientCommand(team, address("b@x.test")));
    send(new AddAliasRecipientCommand(team, address("zed@y.test")));
    send(new RemoveAliasRecipientCommand(team, address("ann@c.example")));
    send(new RenameMailboxCommand(bob, LocalPart.of("rob")));
    send(new ChangeMailboxQuotaCommand(bob, Quota.ofGigabytes(3)));
    send(new DeactivateMailboxCommand(bob));
    send(new DeleteMailboxCommand(ann, false));
    await();

    assertThat(row("alias", "address", "team@c.example").get("goto"))
        .isEqualTo("ab@x.test,zed@y.test");
    Map<String, Object> domain = row("domain", "domain", "c.example");
    assertThat(number(domain.get("maxquota"))).isEqualTo(10 * 1024);
    assertThat(number(domain.get("mailboxes"))).isEqualTo(5);
    assertThat(number(domain.get("aliases"))).isEqualTo(7);
    assertThat(domain.get("description")).isEqualTo("C");

    Map<String, Object> rob = row("mailbox", "username", "rob@c.example");
    assertThat(rob.get("local_part")).isEqualTo("rob");
    assertThat(number(rob.get("quota"))).isEqualTo(3L * 1024 * 1024 * 1024);
    assertThat(flag(rob.get("active"))).isFalse();
    assertThat(rob.get("created")).isEqualTo(bobCreated.get("created"));
    assertThat(rob.get("modified")).isNotEqualTo(bobCreated.get("modified"));
    Map<String, Object> robAlias = row("alias", "address", "rob@c.example");
    assertThat(robAlias.get("goto")).isEqualTo("rob@c.example");
    assertThat(flag(robAlias.get("active"))).as("switched off with its mailbox").isFalse();
    assertThat(count("mailbox", "username", "bob@c.example")).isZero();
    assertThat(count("alias", "address", "bob@c.example")).isZero();
    assertThat(count("mailbox", "username", "ann@c.example")).isZero();
    assertThat(count("alias", "address", "ann@c.example")).as("its own alias row").isZero();

    assertThat(
            tables()
                .queryForList(
                    "SELECT destination FROM dinomail_virtualalias WHERE source = ?"
                        + " ORDER BY destination",
                    String.class,
                    "team@c.example"))
        .containsExactly("ab@x.test", "zed@y.test");
    assertThat(count("dinomail_virtualuser", "email", "rob@c.example"))
        .as("inactive: not in DinoMail's table")
        .isZero();
    assertThat(
            number(
                tables()
                    .queryForObject(
                        "SELECT quota FROM mailledger_dinomail_user WHERE email = ?",
                        Long.class,
                        "rob@c.example")))
        .isEqualTo(3L * 1024 * 1024 * 1024);
  }

  private void await() throws InterruptedException {
    long head = progress.head();
    for (String group : List.of("layout-postfixadmin", "layout-dinomail")) {
      assertThat(progress.awaitPosition(group, head, Duration.ofSeconds(60))).as(group).isTrue();
    }
  }

  private Map<String, Object> row(String table, String key, String value) {
    return tables().queryForMap("SELECT * FROM " + table + " WHERE " + key + " = ?", value);
  }

  private long count(String table, String key, String value) {
    return tables()
        .queryForObject(
            "SELECT COUNT(*) FROM " + table + " WHERE " + key + " = ?", Long.class, value);
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static boolean flag(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  private static EmailAddress address(String address) {
    return EmailAddress.parse(address);
  }

  private static CreateMailboxCommand mailbox(String id, String address) {
    return new CreateMailboxCommand(
        id, EmailAddress.parse(address), new Secret("a long enough secret"), "", null, false);
  }
}
