package dev.sfapi.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the stand-in saw: every request (see {@link RequestRecord}), counts per endpoint and
 * operation, and the highest number of requests in flight at once (how concurrent the client was).
 * Thread-safe.
 */
public final class RequestLog {

    private final List<RequestRecord> records = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    long begin() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return sequence.incrementAndGet();
    }

    void end() {
        inFlight.decrementAndGet();
    }

    synchronized void add(RequestRecord r) {
        records.add(r);
    }

    /** Every request so far, in the order they completed. */
    public synchronized List<RequestRecord> requests() {
        return List.copyOf(records);
    }

    /** Total requests (control requests of the launcher are not counted). */
    public synchronized int count() {
        return records.size();
    }

    public synchronized int count(Endpoint endpoint) {
        return (int) records.stream().filter(r -> r.endpoint() == endpoint).count();
    }

    public synchronized int count(Endpoint endpoint, String operation) {
        return (int) records.stream().filter(r -> r.endpoint() == endpoint && Objects.equals(r.operation(), operation)).count();
    }

    /** E.g. {@code count(METADATA_SOAP, "readMetadata", "Profile")} or {@code count(REST_QUERY, "query", "User")}. */
    public synchronized int count(Endpoint endpoint, String operation, String subject) {
        return (int) records.stream().filter(r -> r.endpoint() == endpoint && Objects.equals(r.operation(), operation)
                && Objects.equals(r.subject(), subject)).count();
    }

    /** The highest number of requests being served at the same moment. */
    public int maxConcurrent() {
        return maxInFlight.get();
    }

    /** Counts keyed {@code ENDPOINT operation[(subject)]}, in first-seen order: handy in benchmark output. */
    public synchronized Map<String, Integer> summary() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (RequestRecord r : records) {
            String key = r.endpoint() + " " + r.operation() + (r.subject() == null ? "" : "(" + r.subject() + ")");
            out.merge(key, 1, Integer::sum);
        }
        return out;
    }

    /** Forgets every request and the concurrency high-water mark. */
    public synchronized void clear() {
        records.clear();
        maxInFlight.set(inFlight.get());
    }
}
