package org.mailledger.projection.progress;

/**
 * What this process knows of its own rebuilds, for a layout's status: implemented by the app's
 * rebuilds; absent where no rebuild runs in the process ({@code ops status}).
 */
public interface RebuildStates {

  /** Whether a rebuild of the layout runs in this process now. */
  boolean running(String layout);
}
