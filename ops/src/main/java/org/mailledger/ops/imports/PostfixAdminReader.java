package org.mailledger.ops.imports;

import static org.mailledger.ops.imports.Finding.Kind.NOTE;
import static org.mailledger.ops.imports.Finding.Kind.SKIPPED;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostfixAdmin's tables ({@code domain}, {@code mailbox}, {@code alias}, {@code alias_domain}), on
 * MySQL/MariaDB or PostgreSQL. Domain quotas are in MB times {@code $CONF['quota_multiplier']}
 * (1024000 by default), mailbox quotas in bytes; limits of -1 mean "none allowed", 0 unlimited.
 *
 * <p>Every mailbox has an alias row of its own whose {@code goto} is the mailbox itself; that row
 * is how PostfixAdmin delivers to the mailbox and carries nothing to import. When its {@code goto}
 * lists other addresses, the mailbox forwards (with or without a copy): Mailledger has no
 * forwarding on a mailbox, so that is reported and not imported. Vacation addresses ({@code
 * user#domain@autoreply-domain}) are PostfixAdmin's auto-reply, not a recipient, and are dropped.
 */
final class PostfixAdminReader implements SourceReader {

  private final long quotaMultiplier;

  PostfixAdminReader(long quotaMultiplier) {
    this.quotaMultiplier = quotaMultiplier;
  }

  @Override
  public SourceData read(Connection c) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    List<SourceDomain> domains = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT domain, description, aliases, mailboxes, maxquota, quota, backupmx, active"
                    + " FROM domain ORDER BY domain")) {
      while (rs.next()) {
        String name = rs.getString("domain");
        // PostfixAdmin's own pseudo-domain for superadmin rights.
        if ("ALL".equals(name)) {
          continue;
        }
        String entity = "domain " + name;
        if (rs.getBoolean("backupmx")) {
          findings.add(
              new Finding(
                  SKIPPED,
                  entity,
                  "a backup MX domain (relayed, not hosted); Mailledger hosts domains only"));
          continue;
        }
        long maxQuotaMb = rs.getLong("maxquota");
        long totalQuotaMb = rs.getLong("quota");
        if (totalQuotaMb > 0) {
          findings.add(
              new Finding(
                  NOTE,
                  entity,
                  "its total quota ("
                      + totalQuotaMb
                      + " MB for all mailboxes together) is not kept: Mailledger limits the"
                      + " quota of each mailbox"));
        }
        long maxQuota = maxQuotaMb > 0 ? Math.multiplyExact(maxQuotaMb, quotaMultiplier) : 0;
        domains.add(
            new SourceDomain(
                name,
                rs.getString("description"),
                maxQuota,
                maxQuota,
                limit(rs.getInt("mailboxes"), "mailbox", entity, findings),
                limit(rs.getInt("aliases"), "alias", entity, findings),
                rs.getBoolean("active")));
      }
    }

    List<SourceMailbox> mailboxes = new ArrayList<>();
    Set<String> usernames = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT username, password, name, quota, active FROM mailbox ORDER BY username")) {
      while (rs.next()) {
        String username = rs.getString("username");
        usernames.add(normal(username));
        mailboxes.add(
            new SourceMailbox(
                username,
                rs.getString("password"),
                rs.getString("name"),
                rs.getLong("quota"),
                false,
                rs.getBoolean("active")));
      }
    }

    List<SourceAlias> aliases = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT address, goto, active FROM alias ORDER BY address")) {
      while (rs.next()) {
        String address = rs.getString("address");
        String entity = (address.startsWith("@") ? "catch-all " : "alias ") + address;
        List<String> recipients = new ArrayList<>();
        for (String part : rs.getString("goto").split(",")) {
          String recipient = part.strip();
          if (recipient.isEmpty()) {
            continue;
          }
          if (recipient.substring(0, Math.max(0, recipient.lastIndexOf('@'))).contains("#")) {
            findings.add(
                new Finding(
                    NOTE, entity, "its vacation auto-reply is not kept (Mailledger has none)"));
            continue;
          }
          recipients.add(recipient);
        }
        if (usernames.contains(normal(address))) {
          List<String> others =
              recipients.stream().filter(r -> !normal(r).equals(normal(address))).toList();
          if (!others.isEmpty()) {
            boolean copy = others.size() < recipients.size();
            findings.add(
                new Finding(
                    SKIPPED,
                    "forwarding of mailbox " + address,
                    "forwards to "
                        + String.join(", ", others)
                        + (copy ? " (keeping a copy)" : " (keeping no copy)")
                        + ": Mailledger has no forwarding on a mailbox, so mail is delivered to"
                        + " the mailbox only; recreate it as an alias of another address if"
                        + " needed"));
          }
          continue;
        }
        aliases.add(new SourceAlias(address, recipients, List.of(), null, rs.getBoolean("active")));
      }
    }

    List<SourceAliasDomain> aliasDomains = new ArrayList<>();
    if (tableExists(c, "alias_domain")) {
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT alias_domain, target_domain, active FROM alias_domain"
                      + " ORDER BY alias_domain")) {
        while (rs.next()) {
          aliasDomains.add(
              new SourceAliasDomain(
                  rs.getString("alias_domain"),
                  rs.getString("target_domain"),
                  rs.getBoolean("active")));
        }
      }
    }
    return new SourceData(domains, aliasDomains, mailboxes, aliases, List.of(), findings);
  }

  private static int limit(int value, String what, String entity, List<Finding> findings) {
    if (value < 0) {
      findings.add(
          new Finding(
              NOTE,
              entity,
              "its "
                  + what
                  + " limit -1 (none allowed) has no equivalent in Mailledger: imported as"
                  + " unlimited"));
      return 0;
    }
    return value;
  }

  private static String normal(String address) {
    return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
  }

  static boolean tableExists(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
