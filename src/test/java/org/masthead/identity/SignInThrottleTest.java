package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(null,
            new SignInProperties(10, Duration.ofMinutes(15), 5, Duration.ofMinutes(1), Duration.ofSeconds(1),
                    Duration.ofHours(1), 4), Clock.systemUTC());

    @Test
    void freeFailuresCostNothingThenEachFailureDoublesTheWaitUpToTheCap() {
        var cap = Duration.ofMinutes(1);
        assertThat(throttle.delay(5, 5, cap)).isZero();
        assertThat(throttle.delay(6, 5, cap)).hasSeconds(1);
        assertThat(throttle.delay(7, 5, cap)).hasSeconds(2);
        assertThat(throttle.delay(10, 5, cap)).hasSeconds(16);
        assertThat(throttle.delay(12, 5, cap)).isEqualTo(cap);
        assertThat(throttle.delay(1_000_000, 5, cap)).isEqualTo(cap);
    }
}
