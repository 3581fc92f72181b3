package org.mailledger.ops.config;

import java.util.List;
import java.util.Map;

/** The files for the {@code mum} layout, with MUM's queries ({@link MumQueries}). */
final class MumConfig {

  /** The lookup tables Postfix reads: every table of the layout but its token table. */
  static final List<String> POSTFIX_TABLES =
      List.of(
          "domains", "mailboxes", "aliases", "alias_recipients", "alias_senders", "tls_policies");

  /** Dovecot's queries read only these; its account gets nothing more. */
  static final List<String> DOVECOT_TABLES = List.of("domains", "mailboxes");

  private static final String MAIN_CF =
      """
      # Lines for /etc/postfix/main.cf; the map files go to ${postfix_dir}/.
      virtual_mailbox_domains = ${maps}/domains.cf
      virtual_mailbox_maps = ${maps}/mailboxes.cf
      # Postfix tries the full address in every table before it tries "@domain", so the
      # mailbox self-map keeps the catch-all from swallowing mail to existing mailboxes.
      virtual_alias_maps = ${maps}/aliases.cf, ${maps}/mailbox-self.cf, ${maps}/catch-all.cf
      smtpd_sender_login_maps = ${maps}/sender-login-maps.cf
      # Relaying is decided by smtpd_relay_restrictions (Postfix 2.10 and later).
      smtpd_recipient_restrictions = check_recipient_access ${maps}/recipient-access.cf
      smtp_tls_policy_maps = ${maps}/tls-policies.cf
      ${dovecot_delivery}
      """;

  private static final String MASTER_CF =
      """
      # Service for /etc/postfix/master.cf: mail submission by logged-in users, who may send
      # only as the addresses smtpd_sender_login_maps gives their login.
      submission inet n       -       y       -       -       smtpd
        -o syslog_name=postfix/submission
        -o smtpd_tls_security_level=encrypt
        -o smtpd_sasl_auth_enable=yes
        -o smtpd_client_restrictions=permit_sasl_authenticated,reject
        -o smtpd_sender_restrictions=reject_sender_login_mismatch,permit_sasl_authenticated,reject
        -o { smtpd_recipient_restrictions = check_recipient_access ${maps}/recipient-access.cf, \
      permit_sasl_authenticated, reject }
      """;

  private static final String DOVECOT_QUERIES =
      """
      # username (the local part) and domain together make the user name user@domain.
      password_query = ${password_query}
      # uid and gid of the vmail user come from default_fields in auth-mailledger.conf.ext,
      # so this query stays MUM's own.
      user_query = ${user_query}
      # Not MUM's: MUM's iterate query filters on %n and %d, but Dovecot runs it with no user
      # (doveadm -A, user listing), so those conditions matched nothing; they are dropped.
      iterate_query = ${iterate_query}
      """;

  private final ConfigGenerator shared;
  private final LookupQueries q;

  MumConfig(ConfigGenerator shared, ConfigSettings settings) {
    this.shared = shared;
    this.q = MumQueries.forDialect(settings.dialect());
  }

  List<GeneratedFile> files() {
    return List.of(
        shared.postfixMap(
            "domains.cf", "virtual_mailbox_domains: the domains we receive for", q.domains()),
        shared.postfixMap(
            "mailboxes.cf", "virtual_mailbox_maps: the mailboxes we deliver to", q.mailboxes()),
        shared.postfixMap(
            "aliases.cf", "virtual_alias_maps (1 of 3): alias to its recipients", q.aliases()),
        shared.postfixMap(
            "mailbox-self.cf",
            "virtual_alias_maps (2 of 3): an active mailbox to itself, so the catch-all after it"
                + " never takes its mail",
            q.mailboxSelf()),
        shared.postfixMap(
            "catch-all.cf",
            "virtual_alias_maps (3 of 3): the key \"@domain\" to the domain's catch-all recipients",
            q.catchAll()),
        shared.postfixMap(
            "sender-login-maps.cf",
            "smtpd_sender_login_maps: which SASL logins may send as an address",
            q.senderLoginMaps()),
        shared.postfixMap(
            "recipient-access.cf",
            "check_recipient_access: REJECT for send-only mailboxes, DUNNO otherwise",
            q.recipientAccess()),
        shared.postfixMap(
            "tls-policies.cf",
            "smtp_tls_policy_maps: outgoing TLS policy per domain",
            q.tlsPolicies()),
        shared.postfixMain(MAIN_CF),
        shared.file("postfix/master.cf", false, MASTER_CF, Map.of()),
        shared.dovecotSql(
            "",
            DOVECOT_QUERIES,
            Map.of(
                "password_query", q.dovecotPasswordQuery(),
                "user_query", q.dovecotUserQuery(),
                "iterate_query", q.dovecotIterateQuery())),
        shared.dovecotAuth(null),
        shared.readonlyUsers(POSTFIX_TABLES, DOVECOT_TABLES));
  }
}
