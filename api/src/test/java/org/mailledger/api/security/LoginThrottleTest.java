package org.mailledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(1), clock);

  private void fail(String source, int times, Duration apart) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(source);
      clock.now = clock.now.plus(apart);
    }
  }

  @Test
  void allowsNineFailuresAndBlocksAtTheTenth() {
    fail("192.0.2.1", 9, Duration.ofSeconds(1));
    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isZero();

    fail("192.0.2.1", 1, Duration.ZERO);

    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isEqualTo(51);
  }

  @Test
  void countsEachAddressOnItsOwn() {
    fail("192.0.2.1", 10, Duration.ZERO);

    assertThat(throttle.retryAfterSeconds("192.0.2.2")).isZero();
  }

  @Test
  void windowSlidesSoOldFailuresStopCounting() {
    fail("192.0.2.1", 10, Duration.ofSeconds(5));
    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isEqualTo(10);

    clock.now = clock.now.plusSeconds(10);

    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isZero();
    fail("192.0.2.1", 1, Duration.ZERO);
    assertThat(throttle.retryAfterSeconds("192.0.2.1")).isPositive();
  }
}
