package org.mailledger.projection.progress;

/**
 * A layout's processing group: the Axon processor's name, and its rows' {@code processor_name} in
 * {@code layout_token_entry} and {@code layout_processing_error}.
 */
public final class LayoutGroups {

  /** What every layout's processing group name starts with. */
  public static final String PREFIX = "layout-";

  private LayoutGroups() {}

  /** The processing group of the layout {@code mailledger.layouts} names {@code layout}. */
  public static String of(String layout) {
    return PREFIX + layout;
  }
}
