package dev.sfapi.org;

import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.HTMLResponseException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/**
 * Reads what force-wsc threw. Partner faults are typed {@link ApiFault}s whose {@code getMessage()} is
 * null (the code and text are in {@code getExceptionCode()} / {@code getExceptionMessage()}); metadata
 * faults carry no detail and arrive as a plain {@link SoapFaultException} with the faultstring as message.
 */
final class SoapFaults {

    private SoapFaults() {
    }

    /** The Salesforce fault code (INVALID_SESSION_ID, REQUEST_LIMIT_EXCEEDED, …), or null when not a fault. */
    static String code(ConnectionException e) {
        if (e instanceof ApiFault fault && fault.getExceptionCode() != null) {
            return fault.getExceptionCode().name();
        }
        if (e instanceof SoapFaultException fault && fault.getFaultCode() != null) {
            return fault.getFaultCode().getLocalPart();
        }
        return null;
    }

    /** "CODE: text" for a fault, the exception's own description otherwise. */
    static String describe(ConnectionException e) {
        if (e instanceof ApiFault fault) {
            String text = fault.getExceptionMessage();
            return code(e) + (text == null ? "" : ": " + text);
        }
        if (e instanceof SoapFaultException) {
            String message = e.getMessage();
            String code = code(e);
            return message == null ? String.valueOf(code)
                    : code != null && !message.startsWith(code) ? code + ": " + message : message;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** 503 maintenance pages, SERVER_UNAVAILABLE, timeouts and dropped connections: worth a retry. */
    static boolean isTransient(ConnectionException e) {
        if (e instanceof HTMLResponseException) {
            return true;
        }
        String code = code(e);
        if (code != null) {
            return code.equals("SERVER_UNAVAILABLE");
        }
        if (isConnectionRefused(e) || UnresolvedHost.in(e, "").isPresent()
                || ProxyRefused.in(e).isPresent()) {
            return false;
        }
        // "Failed to send request to …" wraps timeouts, EOF on an empty error body and resets in an
        // IOException; parse failures ("Unexpected element") have no such cause and are not retried.
        return e.getCause() instanceof java.io.IOException;
    }

    static boolean isConnectionRefused(ConnectionException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** A short name for what went wrong last, for "failed after N attempts" messages. */
    static String transientProblem(ConnectionException e) {
        if (e instanceof HTMLResponseException) {
            return "an HTML page instead of a SOAP answer (maintenance or a proxy error page)";
        }
        if (e.getCause() instanceof SocketTimeoutException) {
            return "no answer within the timeout";
        }
        String code = code(e);
        return code != null ? code : "a failed connection (" + Messages.describe(e.getCause() == null ? e
                : e.getCause()) + ")";
    }
}
