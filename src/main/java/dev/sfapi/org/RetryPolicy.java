package dev.sfapi.org;

import java.time.Duration;

/**
 * How often a call is retried after a transient fault (503, an HTML maintenance page, a timeout), and
 * how long to wait: {@code initialBackoff}, doubled per retry, capped at {@code maxBackoff}.
 *
 * @param maxRetries     retries after the first attempt; 0 means try once
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff     the longest single wait
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be >= 0 and maxBackoff >= initialBackoff");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        Duration d = initialBackoff;
        for (int i = 1; i < retry && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** Total attempts, the first included. */
    public int maxAttempts() {
        return maxRetries + 1;
    }
}
