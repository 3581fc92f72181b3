package org.mailledger.ops.imports;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mailledger.schema.value.InvalidValueException;

/** How the planners walk the source rows. */
final class SourceRows {

  private SourceRows() {}

  /** The rows by {@code key}, so that a plan and its report do not depend on the source's order. */
  static <T> List<T> sorted(List<T> rows, Function<T, String> key) {
    return rows.stream()
        .sorted(Comparator.comparing(r -> Objects.requireNonNullElse(key.apply(r), "")))
        .toList();
  }

  /** Runs {@code action} on a row whose invalid values are reported where the row is planned. */
  static void quietly(Runnable action) {
    try {
      action.run();
    } catch (InvalidValueException e) {
      // Reported where the row is planned.
    }
  }
}
