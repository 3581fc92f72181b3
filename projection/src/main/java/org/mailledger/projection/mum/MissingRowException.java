package org.mailledger.projection.mum;

/**
 * An event changes a row that is not there: the table and the log disagree. Thrown so the processor
 * stops on that event and says so, instead of skipping a change that Postfix would then never see.
 */
public class MissingRowException extends IllegalStateException {

  public MissingRowException(String what) {
    super("no row for " + what + " in the lookup tables; the table disagrees with the log");
  }
}
