package org.mailledger.ops.verify;

import java.util.Locale;
import java.util.function.BiPredicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.mailledger.ops.config.Layout;
import org.mailledger.projection.dinomail.DinoMailLayout;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.Folds;
import org.mailledger.projection.fold.LayoutTables;
import org.mailledger.projection.mum.MumLayoutProjection;
import org.mailledger.projection.postfixadmin.PostfixAdminLayout;
import org.mailledger.projection.postfixadmin.PostfixAdminSequencingPolicy;
import org.mailledger.projection.support.DomainSequencingPolicy;

/**
 * What verify needs to know of a layout: its fold, and the processing group and sequencing policy
 * of the processor that keeps its live tables (whose token says which events those tables have
 * applied).
 */
public record FoldedLayout(
    String name, Folds folds, String processor, SequencingPolicy<? super EventMessage<?>> policy) {

  /**
   * @param dinoMailPrefix the dinomail layout's view prefix ({@code
   *     mailledger.layout.dinomail.table-prefix})
   */
  public static FoldedLayout of(Layout layout, String dinoMailPrefix) {
    String name = layout.name().toLowerCase(Locale.ROOT);
    Folds folds = Folds.of(name, dinoMailPrefix);
    return switch (layout) {
      case MUM ->
          new FoldedLayout(name, folds, MumLayoutProjection.GROUP, new DomainSequencingPolicy());
      case POSTFIXADMIN ->
          new FoldedLayout(
              name, folds, PostfixAdminLayout.GROUP, new PostfixAdminSequencingPolicy());
      case DINOMAIL ->
          new FoldedLayout(name, folds, DinoMailLayout.GROUP, new DomainSequencingPolicy());
    };
  }

  public LayoutTables tables() {
    return folds.tables();
  }

  /** A new fold of the events {@code include} accepts. */
  public Fold fold(BiPredicate<Long, Object> include) {
    return folds.fold(include);
  }
}
