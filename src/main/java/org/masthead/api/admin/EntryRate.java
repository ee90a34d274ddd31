package org.masthead.api.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.masthead.identity.AccessTokens;
import org.masthead.platform.web.RateLimitProperties;
import org.masthead.platform.web.TokenBucket;
import org.springframework.stereotype.Component;

/**
 * How fast one token may post live blog entries ({@code masthead.rate-limits.live-entries-per-token}, 300 a
 * minute by default, from any address): a script gone wild gets 429 with {@code Retry-After} and the other
 * desks' tokens go on. The newsroom as a whole posts faster than that through several tokens, up to the limit per
 * address ({@code live-entries}). Counted in memory on each node.
 */
@Component
class EntryRate {

    private final RateLimitProperties properties;
    private final Cache<Long, TokenBucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(15)).build();

    EntryRate(RateLimitProperties properties) {
        this.properties = properties;
    }

    /** Counts one entry of the request's token; refused with {@link TooManyEntries} when it has posted too many. */
    void take(HttpServletRequest request) {
        var token = AccessTokens.presentedBy(request);
        if (!properties.enabled() || token.isEmpty()) {
            return;
        }
        long wait = buckets.get(token.getAsLong(), id -> new TokenBucket(properties.liveEntriesPerToken()))
                .take(System.nanoTime());
        if (wait > 0) {
            throw new TooManyEntries(TokenBucket.seconds(wait), properties.liveEntriesPerToken().perMinute());
        }
    }

    /** The token posted more entries than its limit; try again after {@code seconds}. */
    static final class TooManyEntries extends RuntimeException {

        private final long seconds;

        TooManyEntries(long seconds, int perMinute) {
            super("This token posts at most " + perMinute + " entries a minute; try again in " + seconds + " s.", null,
                    false, false);
            this.seconds = seconds;
        }

        long seconds() {
            return seconds;
        }
    }
}
