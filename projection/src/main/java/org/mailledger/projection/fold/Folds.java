package org.mailledger.projection.fold;

import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How one layout folds the log: the tables its rows take, and new folds into them. Each layout's
 * descriptor names its own ({@code LayoutDescriptor.folds()}), for {@code ops verify} and {@code
 * ops export} alike.
 *
 * @param tables the layout's tables and views, the shape of its folded rows and of its live ones
 * @param folds a new fold that applies the events the predicate accepts, given their position and
 *     record (how {@code ops verify} leaves out what a lagging segment has not applied yet)
 */
public record Folds(LayoutTables tables, Function<BiPredicate<Long, Object>, Fold> folds) {

  /** A new fold of every event. */
  public Fold fold() {
    return fold((position, event) -> true);
  }

  /** A new fold of the events {@code include} accepts. */
  public Fold fold(BiPredicate<Long, Object> include) {
    return folds.apply(include);
  }
}
