package dev.sfapi.org;

import com.sforce.ws.ConnectionException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Runs a force-wsc call with bounded retries and exponential backoff on transient faults; wsc itself
 * never retries. A refused connection or a host that does not resolve stops at once (waiting will not
 * fix either), and so does a proxy's refusal ({@link ProxyRefused}: 407, or 403 to a CONNECT). Faults
 * that are not transient are rethrown for the caller to interpret.
 */
final class SoapRetry {

    /** A wsc call. */
    @FunctionalInterface
    interface SoapCall<T> {
        T call() throws ConnectionException;
    }

    private SoapRetry() {
    }

    static <T> T call(String what, URI endpoint, RetryPolicy policy, Sleeper sleeper, SoapCall<T> call)
            throws OrgException, ConnectionException {
        ConnectionException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            try {
                return call.call();
            } catch (ConnectionException e) {
                Optional<ProxyRefused> proxyRefused = ProxyRefused.in(e);
                if (proxyRefused.isPresent()) {
                    throw proxyRefused.get().failure(what);
                }
                Optional<String> unresolved = UnresolvedHost.in(e, endpoint.getHost());
                if (unresolved.isPresent()) {
                    // wsc's UnknownHostException names the host it looked up: the proxy's when one is set.
                    throw UnresolvedHost.failure(what, unresolved.get(),
                            !unresolved.get().equalsIgnoreCase(endpoint.getHost()), e);
                }
                if (SoapFaults.isConnectionRefused(e)) {
                    throw new OrgException(OrgException.Kind.UNAVAILABLE, what + " failed: could not connect to "
                            + OrgHttp.hostOf(endpoint) + ". Check the URL and, behind a firewall, the <proxy> in "
                            + "settings.xml.", e);
                }
                Optional<SSLException> tls = TlsFailure.in(e);
                if (tls.isPresent()) {
                    throw TlsFailure.failure(what, OrgHttp.hostOf(endpoint), tls.get());
                }
                if (!SoapFaults.isTransient(e)) {
                    throw e;
                }
                last = e;
            }
            if (attempt < policy.maxAttempts()) {
                pause(policy.backoff(attempt), sleeper, what);
            }
        }
        throw new OrgException(OrgException.Kind.UNAVAILABLE, what + " failed after " + policy.maxAttempts()
                + " attempts; the last one got " + SoapFaults.transientProblem(last) + " from "
                + OrgHttp.hostOf(endpoint) + ". Salesforce may be in maintenance or overloaded "
                + "(https://status.salesforce.com), or the network is slow. Try again later; sfapi.maxRetries and "
                + "sfapi.readTimeoutSeconds allow more patience.", last);
    }

    private static void pause(Duration wait, Sleeper sleeper, String what) throws OrgException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrgException(OrgException.Kind.UNAVAILABLE, what + " was interrupted while waiting to retry.", e);
        }
    }
}
