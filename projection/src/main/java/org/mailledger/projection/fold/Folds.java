package org.mailledger.projection.fold;

import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How one layout folds the log: the tables its rows take, and new folds into them. {@link #of} is
 * the one place that picks a layout's fold by the layout's name, for {@code ops verify} and {@code
 * ops export} alike.
 *
 * @param tables the layout's tables and views, the shape of its folded rows and of its live ones
 * @param folds a new fold that applies the events the predicate accepts, given their position and
 *     record (how {@code ops verify} leaves out what a lagging segment has not applied yet)
 */
public record Folds(LayoutTables tables, Function<BiPredicate<Long, Object>, Fold> folds) {

  /**
   * @param layout as {@code mailledger.layouts} names it: {@code mum}, {@code postfixadmin} or
   *     {@code dinomail}
   * @param dinoMailViewPrefix the prefix of dinomail's views ({@code
   *     mailledger.layout.dinomail.table-prefix}); the other layouts have none
   */
  public static Folds of(String layout, String dinoMailViewPrefix) {
    // Names, not the layouts' constants: the layout packages may come to name their fold, and the
    // fold package must not depend on them in turn.
    return switch (layout) {
      case "mum" -> new Folds(MumTables.LAYOUT, MumFold::new);
      case "postfixadmin" -> new Folds(PostfixAdminTables.LAYOUT, PostfixAdminFold::new);
      case "dinomail" ->
          new Folds(
              DinoMailTables.of(dinoMailViewPrefix),
              include -> new DinoMailFold(dinoMailViewPrefix, include));
      default -> throw new IllegalArgumentException("no fold for layout " + layout);
    };
  }

  /** A new fold of every event. */
  public Fold fold() {
    return fold((position, event) -> true);
  }

  /** A new fold of the events {@code include} accepts. */
  public Fold fold(BiPredicate<Long, Object> include) {
    return folds.apply(include);
  }
}
