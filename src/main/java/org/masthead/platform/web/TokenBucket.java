package org.masthead.platform.web;

/**
 * A token bucket: {@code burst} tokens, refilled continuously at {@code perMinute}. Each request takes one;
 * when none is left, the answer is how long until there is one (the {@code Retry-After} of a 429).
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long at;

    public TokenBucket(RateLimitProperties.Limit limit) {
        this.capacity = Math.max(1, limit.burst());
        this.perNano = Math.max(1, limit.perMinute()) / 60e9;
        this.tokens = capacity;
        this.at = System.nanoTime();
    }

    /** Takes a token; 0 when there was one, otherwise the milliseconds until there will be. */
    public synchronized long take(long now) {
        tokens = Math.min(capacity, tokens + (now - at) * perNano);
        at = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano / 1e6);
    }

    /** Whole seconds to wait for {@code waitMillis}, at least one: what {@code Retry-After} says. */
    public static long seconds(long waitMillis) {
        return Math.max(1, (waitMillis + 999) / 1000);
    }
}
