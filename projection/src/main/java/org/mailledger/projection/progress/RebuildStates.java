package org.mailledger.projection.progress;

import java.util.Optional;

/**
 * What this process knows of its own rebuilds, for a layout's status: implemented by the app's
 * rebuilds; absent where no rebuild runs in the process ({@code ops status}).
 */
public interface RebuildStates {

  /** Whether a rebuild of the layout runs in this process now. */
  boolean running(String layout);

  /**
   * Why this process's last rebuild of the layout failed, while no other has started since: what
   * the status shows when the lookup database could not take the record.
   */
  Optional<String> failure(String layout);
}
