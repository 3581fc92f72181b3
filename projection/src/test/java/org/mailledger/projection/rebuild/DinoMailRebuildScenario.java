package org.mailledger.projection.rebuild;

import java.util.List;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * The rebuild of the {@code dinomail} layout under the prefix {@code core_}: Postfix reads the
 * views, which must show the swapped-in tables from the moment of the swap.
 */
@TestPropertySource(
    properties = {
      "mailledger.layouts=mum,dinomail",
      "mailledger.layout.dinomail.table-prefix=core_"
    })
abstract class DinoMailRebuildScenario extends LayoutRebuildScenario {

  @Override
  String layout() {
    return "dinomail";
  }

  @Override
  Map<String, List<String>> tablesAndViews() {
    return Map.of(
        "mailledger_dinomail_domain", List.of("id"),
        "mailledger_dinomail_user", List.of("id"),
        "mailledger_dinomail_alias", List.of("id"),
        "mailledger_dinomail_alias_recipient", List.of("id"),
        "mailledger_dinomail_alias_domain", List.of("id"),
        "core_virtualdomain", List.of("name", "id"),
        "core_virtualuser", List.of("email", "id"),
        "core_virtualalias", List.of("source", "destination", "id"));
  }

  /**
   * DinoMail's documented {@code virtual-mailbox-maps.cf} query ({@code docs/source/linking.rst}),
   * as {@code ops config --layout dinomail --table-prefix core_} writes it (ops' DinoMailConfig).
   */
  @Override
  String mailboxQuery(String address) {
    return "SELECT 1 FROM core_virtualuser WHERE email='" + address + "'";
  }

  @Override
  String answeringAddresses() {
    return "SELECT email FROM core_virtualuser";
  }
}
