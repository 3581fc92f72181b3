package org.mailledger.command;

import java.util.List;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

/** Shared values for the aggregate tests. */
public final class TestData {

  public static final String DOMAIN_ID = "d0000000-0000-0000-0000-000000000001";
  public static final String DOMAIN = "example.org";
  public static final String MAILBOX_ID = "b0000000-0000-0000-0000-000000000001";
  public static final String OTHER_MAILBOX_ID = "b0000000-0000-0000-0000-000000000002";
  public static final String ALIAS_ID = "a0000000-0000-0000-0000-000000000001";
  public static final String ADDRESS = "alice@example.org";
  public static final String OTHER_ADDRESS = "bob@example.org";
  public static final String ALIAS_ADDRESS = "team@example.org";
  public static final String PASSWORD = "correct horse battery staple";
  public static final String MAIL_ROOT = "/var/vmail";
  public static final long GIB = Quota.GIB;

  private TestData() {}

  public static CreateDomainCommand createDomain() {
    return new CreateDomainCommand(
        DOMAIN_ID,
        DomainName.of(DOMAIN),
        "Example",
        Quota.ofGigabytes(1),
        Quota.ofGigabytes(5),
        0,
        0);
  }

  public static DomainCreatedEvent domainCreated() {
    return new DomainCreatedEvent(DOMAIN_ID, DOMAIN, "Example", GIB, 5 * GIB, 0, 0);
  }

  public static CreateMailboxCommand createMailbox() {
    return new CreateMailboxCommand(
        MAILBOX_ID, EmailAddress.parse(ADDRESS), new Secret(PASSWORD), "Alice", null, false);
  }

  public static MailboxCreatedEvent mailboxCreated(String passwordHash) {
    return new MailboxCreatedEvent(
        MAILBOX_ID,
        DOMAIN_ID,
        ADDRESS,
        passwordHash,
        "Alice",
        GIB,
        false,
        MAIL_ROOT + "/" + MAILBOX_ID,
        MAIL_ROOT + "/" + MAILBOX_ID + "/Maildir");
  }

  public static AliasCreatedEvent aliasCreated(String... recipients) {
    return new AliasCreatedEvent(ALIAS_ID, DOMAIN_ID, ALIAS_ADDRESS, List.of(recipients), "");
  }

  public static EmailAddress address(String text) {
    return EmailAddress.parse(text);
  }
}
