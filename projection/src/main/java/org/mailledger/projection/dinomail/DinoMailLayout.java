package org.mailledger.projection.dinomail;

import java.util.List;
import java.util.Map;
import org.mailledger.projection.fold.DinoMailFold;
import org.mailledger.projection.fold.DinoMailTables;
import org.mailledger.projection.fold.Folds;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutDescriptor.ForeignKey;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.progress.LayoutGroups;
import org.mailledger.projection.support.DomainSequencingPolicy;

/**
 * The {@code dinomail} layout described for whatever handles layouts in general. Postfix and
 * Dovecot read its views, named with the configured prefix; the writer keeps the tables behind
 * them.
 */
public final class DinoMailLayout {

  public static final String NAME = "dinomail";
  public static final String GROUP = LayoutGroups.of(NAME);

  private static final List<ForeignKey> KEYS =
      List.of(
          new ForeignKey(
              "mailledger_dinomail_user", "domain_id", "mailledger_dinomail_domain", "id", false),
          new ForeignKey(
              "mailledger_dinomail_alias", "domain_id", "mailledger_dinomail_domain", "id", false),
          new ForeignKey(
              "mailledger_dinomail_alias_recipient",
              "alias_id",
              "mailledger_dinomail_alias",
              "id",
              true));

  private DinoMailLayout() {}

  /**
   * @param tablePrefix the prefix of DinoMail's table names, {@code dinomail_} by default
   */
  public static LayoutDescriptor descriptor(String tablePrefix) {
    return new LayoutDescriptor(
        NAME,
        DinoMailWriter.TABLES,
        Map.of(Dialect.POSTGRESQL, KEYS, Dialect.MYSQL, KEYS),
        views(tablePrefix),
        DinoMailWriter::new,
        DomainSequencingPolicy::new,
        new Folds(
            DinoMailTables.of(tablePrefix), include -> new DinoMailFold(tablePrefix, include)),
        Map.of("table_prefix", tablePrefix));
  }

  /** The names Postfix and Dovecot query. */
  public static List<String> views(String tablePrefix) {
    return List.of(
        tablePrefix + "virtualdomain", tablePrefix + "virtualuser", tablePrefix + "virtualalias");
  }
}
