package org.mailledger.projection.fold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The five tables of the {@code dinomail} layout, parents first, keyed by their ids, and the three
 * views over them that Postfix and Dovecot query, named with the configured prefix and keyed by
 * their ids too.
 */
public final class DinoMailTables {

  public static final List<String> TABLES =
      List.of(
          "mailledger_dinomail_domain",
          "mailledger_dinomail_alias_domain",
          "mailledger_dinomail_user",
          "mailledger_dinomail_alias",
          "mailledger_dinomail_alias_recipient");

  private DinoMailTables() {}

  /**
   * @param viewPrefix {@code mailledger.layout.dinomail.table-prefix}, {@code dinomail_} unless
   *     configured otherwise
   */
  public static LayoutTables of(String viewPrefix) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    columns.put(TABLES.get(0), List.of("id", "name", "active"));
    columns.put(TABLES.get(1), List.of("id", "name", "target_domain", "active"));
    columns.put(
        TABLES.get(2),
        List.of("id", "domain_id", "email", "local_part", "password", "quota", "active"));
    columns.put(TABLES.get(3), List.of("id", "domain_id", "source", "local_part", "active"));
    columns.put(TABLES.get(4), List.of("id", "alias_id", "destination"));
    columns.put(domains(viewPrefix), List.of("id", "name"));
    columns.put(users(viewPrefix), List.of("id", "domain_id", "email", "password", "quota"));
    columns.put(aliases(viewPrefix), List.of("id", "domain_id", "source", "destination"));
    Map<String, String> keys = new LinkedHashMap<>();
    columns.keySet().forEach(table -> keys.put(table, "id"));
    return new LayoutTables(
        "dinomail",
        TABLES,
        List.of(domains(viewPrefix), users(viewPrefix), aliases(viewPrefix)),
        columns,
        keys,
        Set.of("active"),
        Set.of());
  }

  public static String domains(String viewPrefix) {
    return viewPrefix + "virtualdomain";
  }

  public static String users(String viewPrefix) {
    return viewPrefix + "virtualuser";
  }

  public static String aliases(String viewPrefix) {
    return viewPrefix + "virtualalias";
  }
}
