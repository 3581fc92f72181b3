package org.mailledger.ops.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The instants operators type: {@code 2026-11-22T00:42:44.500Z}, with an offset, or a day. */
public final class Instants {

  private Instants() {}

  public static Instant parse(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          // A bare day means its first instant, in UTC like the log's time stamps.
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDay) {
          throw new IllegalArgumentException(
              "not a time: '"
                  + text
                  + "' (use 2026-11-22T00:42:44.500Z, an offset, or 2026-11-22)");
        }
      }
    }
  }
}
