package org.mailledger.ops.imports;

import static org.mailledger.ops.imports.Finding.Kind.NOTE;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailledger.schema.value.Quota;

/**
 * MUM's tables ({@code domains}, {@code mailboxes}, {@code aliases}, {@code alias_recipients},
 * {@code alias_senders}, {@code tls_policies}). Quotas are whole GB; a mailbox without one takes
 * its domain's ({@code COALESCE(mailboxes.quota, domains.quota, 0)} in MUM's Dovecot query), as a
 * Mailledger mailbox without one does. A catch-all is an alias with an empty local part.
 */
final class MumReader implements SourceReader {

  @Override
  public SourceData read(Connection c) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    List<SourceDomain> domains = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT domain, description, quota, max_quota, max_aliases, max_mailboxes, active"
                    + " FROM domains ORDER BY domain")) {
      while (rs.next()) {
        domains.add(
            new SourceDomain(
                rs.getString("domain"),
                rs.getString("description"),
                gigabytes(rs, "quota"),
                gigabytes(rs, "max_quota"),
                rs.getInt("max_mailboxes"),
                rs.getInt("max_aliases"),
                rs.getBoolean("active")));
      }
    }

    List<SourceMailbox> mailboxes = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT m.local_part, d.domain, m.password, m.name, m.quota, m.send_only,"
                    + " m.active, m.is_super_admin FROM mailboxes m JOIN domains d ON m.domain_id"
                    + " = d.id ORDER BY d.domain, m.local_part")) {
      while (rs.next()) {
        String address = rs.getString("local_part") + "@" + rs.getString("domain");
        long quota = rs.getLong("quota");
        Long quotaBytes = rs.wasNull() ? null : quota * Quota.GIB;
        if (rs.getBoolean("is_super_admin")) {
          findings.add(
              new Finding(
                  NOTE,
                  "mailbox " + address,
                  "is a MUM super admin; Mailledger's admins are accounts of their own (POST"
                      + " /admins): only the mailbox is imported"));
        }
        mailboxes.add(
            new SourceMailbox(
                address,
                rs.getString("password"),
                rs.getString("name"),
                quotaBytes,
                rs.getBoolean("send_only"),
                rs.getBoolean("active")));
      }
    }

    Map<Long, List<String>> recipients = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT alias_id, recipient_address FROM alias_recipients ORDER BY alias_id, id")) {
      while (rs.next()) {
        recipients.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    Map<Long, List<String>> senders = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT s.alias_id, m.local_part, d.domain FROM alias_senders s JOIN mailboxes m"
                    + " ON s.mailbox_id = m.id JOIN domains d ON m.domain_id = d.id"
                    + " ORDER BY s.alias_id, s.id")) {
      while (rs.next()) {
        senders
            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(rs.getString(2) + "@" + rs.getString(3));
      }
    }
    List<SourceAlias> aliases = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT a.id, a.local_part, d.domain, a.description, a.active FROM aliases a"
                    + " JOIN domains d ON a.domain_id = d.id ORDER BY d.domain, a.local_part")) {
      while (rs.next()) {
        long id = rs.getLong("id");
        String localPart = rs.getString("local_part");
        aliases.add(
            new SourceAlias(
                (localPart == null ? "" : localPart) + "@" + rs.getString("domain"),
                recipients.getOrDefault(id, List.of()),
                senders.getOrDefault(id, List.of()),
                rs.getString("description"),
                rs.getBoolean("active")));
      }
    }

    List<SourceTlsPolicy> tlsPolicies = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT domain, policy, params, description, active FROM tls_policies"
                    + " ORDER BY domain")) {
      while (rs.next()) {
        tlsPolicies.add(
            new SourceTlsPolicy(
                rs.getString("domain"),
                rs.getString("policy"),
                rs.getString("params"),
                rs.getString("description"),
                rs.getBoolean("active")));
      }
    }
    return new SourceData(domains, List.of(), mailboxes, aliases, tlsPolicies, findings);
  }

  private static long gigabytes(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? 0 : value * Quota.GIB;
  }
}
