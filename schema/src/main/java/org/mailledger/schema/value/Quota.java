package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A storage quota in bytes; zero means unlimited, as Dovecot reads {@code storage=0}. A quota of N
 * GB is N x 1024^3 bytes, as Dovecot reads the {@code G} suffix.
 */
public record Quota(long bytes) {

  public static final long GIB = 1024L * 1024L * 1024L;
  public static final long MAX_GIGABYTES = 1024L * 1024L;
  public static final long MAX_BYTES = MAX_GIGABYTES * GIB;
  public static final Quota UNLIMITED = new Quota(0);

  public Quota {
    if (bytes < 0) {
      throw new InvalidValueException(
          "quota", "must not be negative (got " + bytes + "); use 0 for unlimited");
    }
    if (bytes > MAX_BYTES) {
      throw new InvalidValueException(
          "quota",
          "must be at most " + MAX_BYTES + " bytes (" + MAX_GIGABYTES + " GB) (got " + bytes + ")");
    }
  }

  @JsonCreator
  public static Quota ofBytes(long bytes) {
    return new Quota(bytes);
  }

  public static Quota ofGigabytes(long gigabytes) {
    // Checked before multiplying, so that a huge count cannot overflow into a valid-looking size.
    if (gigabytes < 0 || gigabytes > MAX_GIGABYTES) {
      throw new InvalidValueException(
          "quotaGb",
          "must be between 0 (unlimited) and " + MAX_GIGABYTES + " (got " + gigabytes + ")");
    }
    return new Quota(gigabytes * GIB);
  }

  public boolean isUnlimited() {
    return bytes == 0;
  }

  /** Whole gigabytes, rounded up, as MUM keeps them. */
  public long gigabytes() {
    return (bytes + GIB - 1) / GIB;
  }

  /**
   * Whether this quota stays within {@code max}; an unlimited max admits everything, and an
   * unlimited quota fits only an unlimited max.
   */
  public boolean fitsWithin(Quota max) {
    if (max == null) {
      throw new InvalidValueException("quota", "cannot be compared with a missing maximum");
    }
    return max.isUnlimited() || (!isUnlimited() && bytes <= max.bytes);
  }

  @JsonValue
  public long toJson() {
    return bytes;
  }
}
