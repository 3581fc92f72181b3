package org.mailledger.projection.lookup;

/**
 * An event changes a row that is not there: the table and the log disagree. Thrown so the processor
 * stops on that event and says so, instead of skipping a change that Postfix would then never see.
 */
public class MissingRowException extends IllegalStateException {

  private final transient Object origin;

  public MissingRowException(String what) {
    this(what, null);
  }

  /**
   * @param origin the event whose change found no row, when known
   */
  public MissingRowException(String what, Object origin) {
    super("no row for " + what + " in the lookup tables; the table disagrees with the log");
    this.origin = origin;
  }

  /** The event whose change found no row (an Axon event message in the processor), or null. */
  public Object origin() {
    return origin;
  }
}
