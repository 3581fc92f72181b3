package org.mailledger.projection;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mailledger.schema.admin.AdminCreatedEvent;
import org.mailledger.schema.admin.AdminDeletedEvent;
import org.mailledger.schema.admin.AdminDisabledEvent;
import org.mailledger.schema.admin.AdminDomainGrantedEvent;
import org.mailledger.schema.admin.AdminDomainRevokedEvent;
import org.mailledger.schema.admin.AdminEnabledEvent;
import org.mailledger.schema.admin.AdminPasswordChangedEvent;
import org.mailledger.schema.admin.ApiTokenIssuedEvent;
import org.mailledger.schema.admin.ApiTokenRevokedEvent;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;

/**
 * One sample of every event type, all of one small world: domain {@code example.org} with mailbox
 * {@code alice@example.org} and alias {@code team@example.org}, alias domain {@code example.net} of
 * it, and a TLS policy for {@code partner.example}. Every change sample changes something (another
 * quota, another name), so a layout that handles it has something to write. {@code
 * EventSamplesTest} fails when an event of {@code MailEvents} has no sample here.
 */
public final class EventSamples {

  public static final String DOMAIN_ID = "d0000000-0000-0000-0000-000000000001";
  public static final String DOMAIN = "example.org";
  public static final String MAILBOX_ID = "b0000000-0000-0000-0000-000000000001";
  public static final String ADDRESS = "alice@example.org";
  public static final String RENAMED = "alicia@example.org";
  public static final String ALIAS_ID = "a0000000-0000-0000-0000-000000000001";
  public static final String ALIAS = "team@example.org";
  public static final String ALIAS_DOMAIN_ID = "e0000000-0000-0000-0000-000000000001";
  public static final String ALIAS_DOMAIN = "example.net";
  public static final String TLS_DESTINATION = "partner.example";
  public static final String ADMIN_ID = "c0000000-0000-0000-0000-000000000001";
  public static final String TOKEN_ID = "f0000000-0000-0000-0000-000000000001";

  private static final long GIB = 1024L * 1024L * 1024L;
  private static final String HASH =
      "{BLF-CRYPT}$2y$05$abcdefghijklmnopqrstuu5Ck1Yy0sx0Rk7iCC.dzaDUIuN0w1vHy";

  /** Every event of the mail setup, creations before the changes that need them. */
  public static final List<Object> MAIL =
      List.of(
          new DomainCreatedEvent(DOMAIN_ID, DOMAIN, "Example", GIB, 5 * GIB, 10, 20),
          new DomainSettingsChangedEvent(
              DOMAIN_ID, DOMAIN, "Example Inc.", 2 * GIB, 8 * GIB, 30, 40),
          new DomainDeactivatedEvent(DOMAIN_ID, DOMAIN),
          new DomainActivatedEvent(DOMAIN_ID, DOMAIN),
          new MailboxCreatedEvent(
              MAILBOX_ID,
              DOMAIN_ID,
              ADDRESS,
              HASH,
              "Alice",
              GIB,
              false,
              "/var/vmail/" + MAILBOX_ID,
              "/var/vmail/" + MAILBOX_ID + "/Maildir"),
          new MailboxPasswordChangedEvent(MAILBOX_ID, ADDRESS, HASH.replace("abcd", "wxyz")),
          new MailboxQuotaChangedEvent(MAILBOX_ID, ADDRESS, 3 * GIB),
          new MailboxNameChangedEvent(MAILBOX_ID, ADDRESS, "Alice A."),
          new MailboxSendOnlyChangedEvent(MAILBOX_ID, ADDRESS, true),
          new MailboxDeactivatedEvent(MAILBOX_ID, ADDRESS),
          new MailboxActivatedEvent(MAILBOX_ID, ADDRESS),
          new AliasCreatedEvent(ALIAS_ID, DOMAIN_ID, ALIAS, List.of(ADDRESS), "The team"),
          new AliasRecipientAddedEvent(ALIAS_ID, ALIAS, "bob@example.com"),
          new AliasRecipientRemovedEvent(ALIAS_ID, ALIAS, ADDRESS),
          new AliasSenderAddedEvent(ALIAS_ID, ALIAS, MAILBOX_ID, ADDRESS),
          new AliasSenderRemovedEvent(ALIAS_ID, ALIAS, MAILBOX_ID, ADDRESS),
          new AliasDescriptionChangedEvent(ALIAS_ID, ALIAS, "The whole team"),
          new AliasDeactivatedEvent(ALIAS_ID, ALIAS),
          new AliasActivatedEvent(ALIAS_ID, ALIAS),
          new AliasDomainCreatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN),
          new AliasDomainDeactivatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN),
          new AliasDomainActivatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN),
          new TlsPolicySetEvent(TLS_DESTINATION, "dane-only", "", "Partner"),
          new MailboxRenamedEvent(MAILBOX_ID, DOMAIN_ID, ADDRESS, RENAMED),
          new TlsPolicyRemovedEvent(TLS_DESTINATION),
          new AliasDomainDeletedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN),
          new AliasDeletedEvent(ALIAS_ID, DOMAIN_ID, ALIAS),
          new MailboxDeletedEvent(MAILBOX_ID, DOMAIN_ID, RENAMED),
          new DomainDeletedEvent(DOMAIN_ID, DOMAIN));

  /** Every event of admin accounts and API tokens. */
  public static final List<Object> ADMIN =
      List.of(
          new AdminCreatedEvent(ADMIN_ID, "ops", "DOMAIN_ADMIN", "{bcrypt}$2a$10$abcdefghijklmnop"),
          new AdminDomainGrantedEvent(ADMIN_ID, "ops", DOMAIN),
          new AdminDomainRevokedEvent(ADMIN_ID, "ops", DOMAIN),
          new AdminPasswordChangedEvent(ADMIN_ID, "ops", "{bcrypt}$2a$10$qrstuvwxyzabcdef"),
          new AdminDisabledEvent(ADMIN_ID, "ops"),
          new AdminEnabledEvent(ADMIN_ID, "ops"),
          new ApiTokenIssuedEvent(
              TOKEN_ID,
              ADMIN_ID,
              "ops",
              "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "deploy",
              "2030-01-01T00:00:00Z"),
          new ApiTokenRevokedEvent(TOKEN_ID, ADMIN_ID, "ops"),
          new AdminDeletedEvent(ADMIN_ID, "ops"));

  private static final Map<Class<?>, Object> BY_TYPE =
      java.util.stream.Stream.concat(MAIL.stream(), ADMIN.stream())
          .collect(Collectors.toUnmodifiableMap(Object::getClass, Function.identity()));

  private EventSamples() {}

  /** The sample of {@code type}; an error naming the type when this class has none. */
  public static <T> T of(Class<T> type) {
    Object sample = BY_TYPE.get(type);
    if (sample == null) {
      throw new IllegalArgumentException("no sample of " + type.getName() + " in EventSamples");
    }
    return type.cast(sample);
  }

  /** The types that have a sample. */
  public static java.util.Set<Class<?>> types() {
    return BY_TYPE.keySet();
  }
}
