package dev.sfapi.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The switches a test turns: latency, paging, and faults a real org produces. Fault injections are
 * one-shot counts ("the next N requests to these endpoints"); they are consumed in the order they
 * were added. Thread-safe; every setter returns {@code this} for chaining.
 */
public final class StandInControl {

    /** Faults that answer a request instead of the org. */
    public enum FaultKind {
        /** An HTML maintenance page with HTTP 503 (wsc: HTMLResponseException; REST: not JSON). */
        HTML_503,
        /** HTTP 500 with an empty body. */
        EMPTY_500,
        /** REQUEST_LIMIT_EXCEEDED: 403 JSON on REST, a 500 fault on SOAP. */
        REQUEST_LIMIT_EXCEEDED,
        /** The request waits this long, then is answered normally (set it above the client's read timeout). */
        DELAY
    }

    record FaultRule(FaultKind kind, AtomicInteger remaining, Set<Endpoint> endpoints, Duration delay) {
    }

    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger queryBatchSize = new AtomicInteger();
    private final List<FaultRule> faults = new ArrayList<>();
    private volatile boolean viewSetup = true;
    private volatile boolean userAccessPolicies = true;
    private volatile boolean modifyMetadata = true;
    private volatile boolean soapLoginEnabled = true;
    private final Set<String> hiddenMetadata = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Runnable expireSessions;
    private final java.util.function.IntConsumer expireSessionsAfter;
    private final java.util.function.IntConsumer setApiUsage;

    StandInControl(Runnable expireSessions, java.util.function.IntConsumer expireSessionsAfter,
                   java.util.function.IntConsumer setApiUsage) {
        this.expireSessions = expireSessions;
        this.expireSessionsAfter = expireSessionsAfter;
        this.setApiUsage = setApiUsage;
    }

    /** Added to every request before it is answered (the benchmark uses 50 ms). */
    public StandInControl latency(Duration perRequest) {
        latency.set(perRequest);
        return this;
    }

    public Duration latency() {
        return latency.get();
    }

    /**
     * Rows per REST query batch, overriding Salesforce's 2,000 (and the client's
     * {@code Sforce-Query-Options: batchSize}); small values make paging testable. 0 restores the default.
     */
    public StandInControl queryBatchSize(int rows) {
        queryBatchSize.set(rows);
        return this;
    }

    public int queryBatchSize() {
        return queryBatchSize.get();
    }

    /**
     * Sessions stay valid for {@code requests} more API requests; then every session that exists at
     * that moment expires (INVALID_SESSION_ID), and sessions issued afterwards work. One shot.
     */
    public StandInControl expireSessionsAfter(int requests) {
        expireSessionsAfter.accept(requests);
        return this;
    }

    /** Expires every session issued so far. */
    public StandInControl expireSessionsNow() {
        expireSessions.run();
        return this;
    }

    /** REQUEST_LIMIT_EXCEEDED for the next {@code count} API requests (default: REST and both SOAP endpoints). */
    public StandInControl requestLimitExceeded(int count, Endpoint... on) {
        return add(FaultKind.REQUEST_LIMIT_EXCEEDED, count, on.length == 0 ? Endpoint.API : set(on), Duration.ZERO);
    }

    /** An HTML 503 page for the next {@code count} requests (default: every endpoint). */
    public StandInControl html503(int count, Endpoint... on) {
        return add(FaultKind.HTML_503, count, on.length == 0 ? Endpoint.ALL : set(on), Duration.ZERO);
    }

    /** HTTP 500 with an empty body for the next {@code count} requests. */
    public StandInControl empty500(int count, Endpoint... on) {
        return add(FaultKind.EMPTY_500, count, on.length == 0 ? Endpoint.ALL : set(on), Duration.ZERO);
    }

    /** Holds the next {@code count} requests for {@code delay} before answering them. */
    public StandInControl delay(int count, Duration delay, Endpoint... on) {
        return add(FaultKind.DELAY, count, on.length == 0 ? Endpoint.ALL : set(on), delay);
    }

    /**
     * Whether the connecting user has View Setup and Configuration. Without it, SOQL on the setup
     * objects (PermissionSet, PermissionSetAssignment, PermissionSetGroup, PermissionSetGroupComponent,
     * MutingPermissionSet) is refused with INVALID_TYPE.
     */
    public StandInControl viewSetup(boolean granted) {
        this.viewSetup = granted;
        return this;
    }

    public boolean viewSetup() {
        return viewSetup;
    }

    /**
     * Whether the org has user access policies enabled. Without them, PermissionSetAssignment.IsRevoked
     * does not exist ("This field is available only if user access policies are enabled", object
     * reference), and a query naming it is refused with INVALID_FIELD.
     */
    public StandInControl userAccessPolicies(boolean enabled) {
        this.userAccessPolicies = enabled;
        return this;
    }

    public boolean userAccessPolicies() {
        return userAccessPolicies;
    }

    /** Whether the connecting user has Modify All Data / Modify Metadata (the Metadata API needs one). */
    public StandInControl modifyMetadata(boolean granted) {
        this.modifyMetadata = granted;
        return this;
    }

    public boolean modifyMetadata() {
        return modifyMetadata;
    }

    /** Off answers login() with INVALID_OPERATION, as orgs created from Winter '26 do by default. */
    public StandInControl soapLoginEnabled(boolean enabled) {
        this.soapLoginEnabled = enabled;
        return this;
    }

    public boolean soapLoginEnabled() {
        return soapLoginEnabled;
    }

    /**
     * Hides a component from the Metadata API while SOQL still shows it: readMetadata answers an empty
     * record for it and listMetadata leaves it out, as for a component the connecting user can't see or a
     * kind the Metadata API doesn't serve. {@code type} is the metadata type ("PermissionSet").
     */
    public StandInControl hideMetadata(String type, String fullName) {
        hiddenMetadata.add(type + "/" + fullName);
        return this;
    }

    /** Whether {@link #hideMetadata} hid this component. */
    public boolean hidden(String type, String fullName) {
        return hiddenMetadata.contains(type + "/" + fullName);
    }

    /** Sets the API requests already used today (Sforce-Limit-Info); at the org's limit requests are refused. */
    public StandInControl apiUsage(int used) {
        setApiUsage.accept(used);
        return this;
    }

    /** Turns every switch back to normal and drops pending faults (the request log is kept). */
    public synchronized StandInControl reset() {
        latency.set(Duration.ZERO);
        queryBatchSize.set(0);
        faults.clear();
        viewSetup = true;
        userAccessPolicies = true;
        modifyMetadata = true;
        soapLoginEnabled = true;
        hiddenMetadata.clear();
        expireSessionsAfter.accept(-1);
        return this;
    }

    /** Consumes and returns the first pending fault for this endpoint, if any. */
    synchronized FaultRule takeFault(Endpoint endpoint) {
        for (Iterator<FaultRule> it = faults.iterator(); it.hasNext(); ) {
            FaultRule rule = it.next();
            if (rule.endpoints().contains(endpoint)) {
                if (rule.remaining().decrementAndGet() <= 0) {
                    it.remove();
                }
                return rule;
            }
        }
        return null;
    }

    private synchronized StandInControl add(FaultKind kind, int count, Set<Endpoint> on, Duration delay) {
        if (count > 0) {
            faults.add(new FaultRule(kind, new AtomicInteger(count), on, delay));
        }
        return this;
    }

    private static Set<Endpoint> set(Endpoint... on) {
        return EnumSet.copyOf(Arrays.asList(on));
    }
}
