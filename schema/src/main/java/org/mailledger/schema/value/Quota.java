package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A storage quota in bytes; zero means unlimited, as Dovecot reads {@code storage=0}. A quota of N
 * GB is N x 1024^3 bytes, as Dovecot reads the {@code G} suffix.
 */
public record Quota(long bytes) {

  public static final long GIB = 1024L * 1024L * 1024L;
  public static final long MAX_BYTES = 1024L * 1024L * GIB;
  public static final Quota UNLIMITED = new Quota(0);

  public Quota {
    if (bytes < 0) {
      throw new InvalidValueException("quota", "must not be negative");
    }
    if (bytes > MAX_BYTES) {
      throw new InvalidValueException("quota", "must be at most 1048576 GB");
    }
  }

  @JsonCreator
  public static Quota ofBytes(long bytes) {
    return new Quota(bytes);
  }

  public static Quota ofGigabytes(long gigabytes) {
    if (gigabytes < 0 || gigabytes > MAX_BYTES / GIB) {
      throw new InvalidValueException("quotaGb", "must be between 0 (unlimited) and " + MAX_BYTES / GIB);
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

  /** Whether this quota stays within {@code max}; an unlimited max admits everything. */
  public boolean fitsWithin(Quota max) {
    return max.isUnlimited() || (!isUnlimited() && bytes <= max.bytes);
  }

  @JsonValue
  public long toJson() {
    return bytes;
  }
}
