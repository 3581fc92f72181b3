package org.mailledger.ops.imports;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Aggregate identities derived from what a row is (its kind and its name), not from where it was
 * read: the same domain or address gets the same id on every run, from any copy of the source, so a
 * second run finds what the first one wrote instead of creating it twice.
 */
final class ImportIds {

  private ImportIds() {}

  static String domain(String asciiName) {
    return of("domain", asciiName);
  }

  static String aliasDomain(String asciiName) {
    return of("alias-domain", asciiName);
  }

  static String mailbox(String address) {
    return of("mailbox", address);
  }

  static String alias(String address) {
    return of("alias", address);
  }

  private static String of(String kind, String key) {
    return UUID.nameUUIDFromBytes(
            ("mailledger-import/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
