package org.mailledger.schema.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.schema.value.Rejections.assertRejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotaTest {

  @ParameterizedTest(name = "[{index}] {0} bytes")
  @CsvSource({
    "-1, must not be negative (got -1)",
    "-9223372036854775808, must not be negative",
    "1125899906842625, must be at most 1125899906842624 bytes",
    "9223372036854775807, (got 9223372036854775807)"
  })
  void rejectsQuotaOutOfRange(long bytes, String fragment) {
    assertRejected(() -> Quota.ofBytes(bytes), "quota", fragment);
  }

  @ParameterizedTest(name = "[{index}] {0} GB")
  @CsvSource({
    "-1, must be between 0 (unlimited) and 1048576 (got -1)",
    "1048577, (got 1048577)",
    "8589934592, (got 8589934592)",
    "9223372036854775807, must be between 0 (unlimited) and 1048576"
  })
  void rejectsGigabytesOutOfRange(long gigabytes, String fragment) {
    assertRejected(() -> Quota.ofGigabytes(gigabytes), "quotaGb", fragment);
  }

  @Test
  void rejectsComparisonWithMissingMaximum() {
    assertRejected(() -> Quota.ofGigabytes(1).fitsWithin(null), "quota", "missing maximum");
  }

  @Test
  void countsGigabytesInBinaryUnits() {
    assertThat(Quota.ofGigabytes(2).bytes()).isEqualTo(2L * 1024 * 1024 * 1024);
  }

  @Test
  void acceptsMaximumGigabytes() {
    assertThat(Quota.ofGigabytes(Quota.MAX_GIGABYTES).bytes()).isEqualTo(Quota.MAX_BYTES);
  }

  @Test
  void treatsZeroAsUnlimited() {
    assertThat(Quota.ofGigabytes(0).isUnlimited()).isTrue();
  }

  @Test
  void roundsPartialGigabytesUp() {
    assertThat(Quota.ofBytes(Quota.GIB + 1).gigabytes()).isEqualTo(2);
  }

  @Test
  void reportsWholeGigabytes() {
    assertThat(Quota.ofGigabytes(5).gigabytes()).isEqualTo(5);
  }

  @Test
  void unlimitedMaximumAdmitsLimitedQuota() {
    assertThat(Quota.ofGigabytes(5).fitsWithin(Quota.UNLIMITED)).isTrue();
  }

  @Test
  void unlimitedMaximumAdmitsUnlimitedQuota() {
    assertThat(Quota.UNLIMITED.fitsWithin(Quota.UNLIMITED)).isTrue();
  }

  @Test
  void unlimitedQuotaDoesNotFitLimitedMaximum() {
    assertThat(Quota.UNLIMITED.fitsWithin(Quota.ofGigabytes(10))).isFalse();
  }

  @Test
  void quotaEqualToMaximumFits() {
    assertThat(Quota.ofGigabytes(10).fitsWithin(Quota.ofGigabytes(10))).isTrue();
  }

  @Test
  void quotaAboveMaximumDoesNotFit() {
    assertThat(Quota.ofBytes(10 * Quota.GIB + 1).fitsWithin(Quota.ofGigabytes(10))).isFalse();
  }
}
