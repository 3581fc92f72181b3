package org.mailledger.projection.rebuild;

/**
 * The rebuild stopped before its swap (interrupted, Ctrl-C): the live tables were not touched, and
 * the shadow tables with their recorded progress stay for {@code rebuild --resume}.
 */
public class RebuildCancelledException extends RuntimeException {

  public RebuildCancelledException(long position) {
    super("rebuild cancelled at log position " + position + "; the live tables are untouched");
  }
}
