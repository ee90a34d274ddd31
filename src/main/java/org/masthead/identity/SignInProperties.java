package org.masthead.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins slow further tries down. Failures are counted per client address and per typed
 * username (whether or not such an account exists); after the free ones, each further failure makes
 * the next try wait twice as long as the one before, from {@code firstDelay} up to the cap. A wait is
 * never a lock: it runs out by itself, and a stranger can hold an account's tries back by at most
 * {@code accountMaxDelay}. Counts are forgotten {@code forgetAfter} after the last failure.
 *
 * @param addressFreeFailures failures from one client address before its tries must wait
 * @param addressMaxDelay the longest wait for one client address
 * @param accountFreeFailures failures under one username before tries for it must wait
 * @param accountMaxDelay the longest wait for one username
 * @param firstDelay the first wait; each further failure doubles it
 * @param forgetAfter counts are dropped this long after the last failure
 * @param bcryptStrength the work factor of stored password hashes (each step doubles the cost of a check)
 */
@ConfigurationProperties("masthead.identity.sign-in")
public record SignInProperties(
        @DefaultValue("10") int addressFreeFailures,
        @DefaultValue("15m") Duration addressMaxDelay,
        @DefaultValue("5") int accountFreeFailures,
        @DefaultValue("1m") Duration accountMaxDelay,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("12") int bcryptStrength) {
}
