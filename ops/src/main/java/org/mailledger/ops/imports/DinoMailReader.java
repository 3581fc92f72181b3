package org.mailledger.ops.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DinoMail's Django tables {@code <prefix>virtualdomain}, {@code <prefix>virtualuser} (quota in
 * bytes) and {@code <prefix>virtualalias} (one row per source and destination, grouped here into
 * one alias per source). The prefix is the Django app's label: {@code dinomail_} as its docs write
 * it, {@code core_} when installed from the repository. DinoMail has no active flags and no limits.
 */
final class DinoMailReader implements SourceReader {

  private final String prefix;

  DinoMailReader(String prefix) {
    if (!prefix.matches("[A-Za-z0-9_]{0,40}")) {
      throw new IllegalArgumentException(
          "--table-prefix takes letters, digits and underscores only");
    }
    this.prefix = prefix;
  }

  @Override
  public SourceData read(Connection c) throws SQLException {
    List<SourceDomain> domains = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT name FROM " + prefix + "virtualdomain ORDER BY name")) {
      while (rs.next()) {
        domains.add(new SourceDomain(rs.getString(1), null, 0, 0, 0, 0, true));
      }
    }
    List<SourceMailbox> mailboxes = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT email, password, quota FROM " + prefix + "virtualuser ORDER BY email")) {
      while (rs.next()) {
        long quota = rs.getLong(3);
        mailboxes.add(
            new SourceMailbox(
                rs.getString(1), rs.getString(2), null, rs.wasNull() ? 0L : quota, false, true));
      }
    }
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, List<String>> destinations = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT source, destination FROM " + prefix + "virtualalias ORDER BY source, id")) {
      while (rs.next()) {
        String source = rs.getString(1);
        String key = source.strip().toLowerCase(Locale.ROOT);
        sources.putIfAbsent(key, source.strip());
        destinations.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    List<SourceAlias> aliases = new ArrayList<>();
    sources.forEach(
        (key, source) ->
            aliases.add(new SourceAlias(source, destinations.get(key), List.of(), null, true)));
    return new SourceData(domains, List.of(), mailboxes, aliases, List.of(), List.of());
  }
}
