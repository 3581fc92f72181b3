package org.mailledger.projection.fold;

import java.util.List;
import javax.sql.DataSource;

/**
 * An in-memory fold of the log into the rows one layout's tables should hold: what {@code ops
 * verify} holds the live tables against and {@code ops export} writes.
 */
public interface Fold {

  /** Folds one stored event, of whatever kind (those of no table of the layout count too). */
  void apply(StoredEvent event);

  /** The rows the layout's tables (and views) should hold now. */
  LayoutRows layoutRows();

  /** Changes to rows that were not there, in log order. */
  List<String> warnings();

  /** How many events were folded, those of other kinds (admins, tokens) included. */
  long events();

  /** The position of the last event folded, 0 before any. */
  long position();

  /** Folds every event of {@code range} read from the event store behind {@code log}. */
  static <F extends Fold> F run(F fold, DataSource log, LogRange range, Progress progress) {
    new EventLog(log)
        .forEach(
            range,
            event -> {
              fold.apply(event);
              progress.step(event.position());
            });
    progress.done();
    return fold;
  }
}
