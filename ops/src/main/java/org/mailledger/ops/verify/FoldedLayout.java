package org.mailledger.ops.verify;

import java.util.function.BiPredicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.Folds;
import org.mailledger.projection.fold.LayoutTables;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layouts.Layouts;

/**
 * What verify needs to know of a layout: its fold, and the processing group and sequencing policy
 * of the processor that keeps its live tables (whose token says which events those tables have
 * applied), both from the layout's descriptor.
 */
public record FoldedLayout(
    String name, Folds folds, String processor, SequencingPolicy<? super EventMessage<?>> policy) {

  /**
   * @param layout one of {@link Layouts#NAMES}
   * @param dinoMailPrefix the dinomail layout's view prefix ({@code
   *     mailledger.layout.dinomail.table-prefix})
   */
  public static FoldedLayout of(String layout, String dinoMailPrefix) {
    LayoutDescriptor descriptor =
        Layouts.describe(
            layout,
            new ProjectionProperties.LayoutSettings(
                new ProjectionProperties.Dinomail(
                    dinoMailPrefix.isEmpty()
                        ? Layouts.DEFAULT_SETTINGS.dinomail().tablePrefix()
                        : dinoMailPrefix)));
    return new FoldedLayout(
        descriptor.name(), descriptor.folds(), descriptor.group(), descriptor.sequencingPolicy());
  }

  public LayoutTables tables() {
    return folds.tables();
  }

  /** A new fold of the events {@code include} accepts. */
  public Fold fold(BiPredicate<Long, Object> include) {
    return folds.fold(include);
  }
}
