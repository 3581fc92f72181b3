package org.mailledger.command.support;

import org.mailledger.schema.value.InvalidValueException;

/**
 * Identities of new aggregates come from the caller (usually a random UUID); they end up in file
 * paths and table keys, so only a safe shape is taken.
 */
public final class AggregateIds {

  private AggregateIds() {}

  public static void require(String field, String id) {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,35}")) {
      throw new InvalidValueException(
          field, "must be 1 to 36 lower-case letters, digits and hyphens (a UUID)");
    }
  }
}
