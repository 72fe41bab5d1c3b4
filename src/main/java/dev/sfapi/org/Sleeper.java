package dev.sfapi.org;

import java.time.Duration;

/** Waits between retries. Injectable so tests can record the backoff without waiting for it. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
