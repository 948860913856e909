package org.csotracker.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.csotracker.common.Text;
import org.csotracker.common.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Rate limits for what anyone can call without signing in (applications, certificate checks):
 * a token bucket per purpose and client address, kept in memory for an hour of inactivity.
 */
@Component
public class RequestThrottle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    /** Takes one request from the caller's allowance, or throws 429 with the time to wait. */
    public void check(String purpose, String client, int perPeriod, Duration period) {
        Bucket bucket = buckets.get(purpose + "|" + perPeriod + "|" + period + "|" + client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perPeriod).refillGreedy(perPeriod, period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManyRequestsException(Text.of("problem.tooManyRequests", Math.max(1, wait.toMinutes())), wait);
        }
    }
}
