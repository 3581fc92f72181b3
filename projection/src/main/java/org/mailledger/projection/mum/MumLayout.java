package org.mailledger.projection.mum;

import java.util.List;
import java.util.Map;
import org.mailledger.projection.fold.Folds;
import org.mailledger.projection.fold.MumFold;
import org.mailledger.projection.fold.MumTables;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutDescriptor.ForeignKey;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.progress.LayoutGroups;
import org.mailledger.projection.support.DomainSequencingPolicy;

/** The {@code mum} layout described for whatever handles layouts in general. */
public final class MumLayout {

  public static final String NAME = "mum";
  public static final String GROUP = LayoutGroups.of(NAME);

  private static final List<ForeignKey> KEYS =
      List.of(
          new ForeignKey("mailboxes", "domain_id", "domains", "id", false),
          new ForeignKey("aliases", "domain_id", "domains", "id", false),
          new ForeignKey("alias_recipients", "alias_id", "aliases", "id", true),
          new ForeignKey("alias_senders", "alias_id", "aliases", "id", true));

  private MumLayout() {}

  public static LayoutDescriptor descriptor() {
    return new LayoutDescriptor(
        NAME,
        MumWriter.TABLES,
        Map.of(Dialect.POSTGRESQL, KEYS, Dialect.MYSQL, KEYS),
        List.of(),
        MumWriter::new,
        DomainSequencingPolicy::new,
        new Folds(MumTables.LAYOUT, MumFold::new),
        Map.of());
  }
}
