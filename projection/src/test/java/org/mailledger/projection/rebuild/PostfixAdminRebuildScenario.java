package org.mailledger.projection.rebuild;

import java.util.List;
import java.util.Map;
import org.mailledger.projection.lookup.Dialect;
import org.springframework.test.context.TestPropertySource;

/**
 * The rebuild of the {@code postfixadmin} layout, whose rows are keyed by their natural keys and
 * whose foreign keys (on PostgreSQL) point at {@code domain.domain}, not at an id.
 */
@TestPropertySource(properties = "mailledger.layouts=mum,postfixadmin")
abstract class PostfixAdminRebuildScenario extends LayoutRebuildScenario {

  @Override
  String layout() {
    return "postfixadmin";
  }

  @Override
  Map<String, List<String>> tablesAndViews() {
    return Map.of(
        "domain", List.of("domain"),
        "mailbox", List.of("username"),
        "alias", List.of("address"),
        "alias_domain", List.of("alias_domain"));
  }

  /**
   * PostfixAdmin's documented {@code virtual_mailbox_maps} query, as {@code ops config --layout
   * postfixadmin} writes it for the dialect (ops' PostfixAdminConfig).
   */
  @Override
  String mailboxQuery(String address) {
    return lookup.dialect() == Dialect.POSTGRESQL
        ? "SELECT maildir FROM mailbox WHERE username='" + address + "' AND active = true"
        : "SELECT CONCAT(domain,'/',maildir) FROM mailbox WHERE username='"
            + address
            + "' AND active = '1'";
  }

  @Override
  String answeringAddresses() {
    return "SELECT username FROM mailbox WHERE active = "
        + (lookup.dialect() == Dialect.POSTGRESQL ? "true" : "1");
  }
}
