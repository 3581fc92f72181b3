package org.mailledger.projection.postfixadmin;

import java.util.List;
import java.util.Map;
import org.mailledger.projection.fold.Folds;
import org.mailledger.projection.fold.PostfixAdminFold;
import org.mailledger.projection.fold.PostfixAdminTables;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutDescriptor.ForeignKey;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.progress.LayoutGroups;

/** The {@code postfixadmin} layout described for whatever handles layouts in general. */
public final class PostfixAdminLayout {

  public static final String NAME = "postfixadmin";
  public static final String GROUP = LayoutGroups.of(NAME);

  /**
   * PostfixAdmin's foreign keys on PostgreSQL; on MySQL it has none. None from {@code
   * alias_domain.target_domain}: an alias domain's rows are sequenced by its own name, the target's
   * by the target's, and PostfixAdmin's queries only read that column.
   */
  private static final List<ForeignKey> POSTGRESQL_KEYS =
      List.of(
          new ForeignKey("mailbox", "domain", "domain", "domain", false),
          new ForeignKey("alias", "domain", "domain", "domain", false),
          new ForeignKey("alias_domain", "alias_domain", "domain", "domain", true));

  private PostfixAdminLayout() {}

  public static LayoutDescriptor descriptor() {
    return new LayoutDescriptor(
        NAME,
        PostfixAdminWriter.TABLES,
        Map.of(Dialect.POSTGRESQL, POSTGRESQL_KEYS, Dialect.MYSQL, List.of()),
        List.of(),
        PostfixAdminWriter::new,
        PostfixAdminSequencingPolicy::new,
        new Folds(PostfixAdminTables.LAYOUT, PostfixAdminFold::new),
        Map.of());
  }
}
