package org.mailledger.ops.verify;

import java.util.function.BiPredicate;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.mailledger.projection.dinomail.DinoMailLayout;
import org.mailledger.projection.fold.DinoMailFold;
import org.mailledger.projection.fold.DinoMailTables;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.LayoutTables;
import org.mailledger.projection.fold.MumFold;
import org.mailledger.projection.fold.MumTables;
import org.mailledger.projection.fold.PostfixAdminFold;
import org.mailledger.projection.fold.PostfixAdminTables;
import org.mailledger.projection.mum.MumLayout;
import org.mailledger.projection.postfixadmin.PostfixAdminLayout;
import org.mailledger.projection.postfixadmin.PostfixAdminSequencingPolicy;
import org.mailledger.projection.support.DomainSequencingPolicy;

/**
 * What verify and export need to know of a layout: its tables, its independent fold, and the
 * processing group and sequencing policy of the processor that keeps its live tables (whose token
 * says which events those tables have applied).
 *
 * @param folds a new fold that takes the events the predicate accepts
 */
public record FoldedLayout(
    String name,
    LayoutTables tables,
    String processor,
    SequencingPolicy<? super EventMessage<?>> policy,
    Function<BiPredicate<Long, Object>, Fold> folds) {

  /**
   * @param layout one of {@link org.mailledger.projection.layout.Layouts#NAMES}
   * @param dinoMailPrefix the dinomail layout's view prefix ({@code
   *     mailledger.layout.dinomail.table-prefix})
   */
  public static FoldedLayout of(String layout, String dinoMailPrefix) {
    return switch (layout) {
      case MumLayout.NAME ->
          new FoldedLayout(
              MumLayout.NAME,
              MumTables.LAYOUT,
              MumLayout.GROUP,
              new DomainSequencingPolicy(),
              MumFold::new);
      case PostfixAdminLayout.NAME ->
          new FoldedLayout(
              PostfixAdminLayout.NAME,
              PostfixAdminTables.LAYOUT,
              PostfixAdminLayout.GROUP,
              new PostfixAdminSequencingPolicy(),
              PostfixAdminFold::new);
      case DinoMailLayout.NAME ->
          new FoldedLayout(
              DinoMailLayout.NAME,
              DinoMailTables.of(dinoMailPrefix),
              DinoMailLayout.GROUP,
              new DomainSequencingPolicy(),
              include -> new DinoMailFold(dinoMailPrefix, include));
      default -> throw new IllegalArgumentException("no fold for layout " + layout);
    };
  }

  public Fold newFold() {
    return folds.apply((position, event) -> true);
  }
}
