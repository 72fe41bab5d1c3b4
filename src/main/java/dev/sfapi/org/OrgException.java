package dev.sfapi.org;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Talking to the org failed. The message says what failed, the likely cause and what to do; it has
 * passed through the {@link Redactor}, and so has every cause attached to it (a cause whose text would
 * show a credential is replaced by a scrubbed copy), so printing the whole chain with {@code mvn -e}
 * shows no credential.
 *
 * <p>The {@link Kind} lets the mojo choose: {@link Kind#CONFIGURATION} is something the user fixes in
 * the build configuration; the rest are faults ({@code MojoExecutionException}).
 */
public class OrgException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, for callers that react differently (and for tests). */
    public enum Kind {
        /** A setting is missing, malformed or contradictory; nothing was sent. */
        CONFIGURATION,
        /** The org refused the credentials or the session. */
        AUTHENTICATION,
        /**
         * The HTTP proxy said no: it wants credentials it didn't get or refused them (407), or it won't
         * open a tunnel to the host (403 to its CONNECT); never retried.
         */
        PROXY_REFUSED,
        /** The connecting user lacks a permission (View Setup and Configuration, API Enabled, …). */
        PERMISSION,
        /** The org's API request limit (daily total or concurrent) is exhausted. */
        API_LIMIT,
        /** The org does not serve the requested API version. */
        API_VERSION,
        /** Salesforce or the network stayed unavailable after the allowed retries. */
        UNAVAILABLE,
        /** The answer was not what Salesforce sends (wrong URL, a proxy page, a malformed body). */
        PROTOCOL,
        /** The org rejected the request for another reason (a malformed query, an unknown type). */
        REJECTED
    }

    private final Kind kind;

    public OrgException(Kind kind, String message) {
        super(Redactor.scrub(message));
        this.kind = kind;
    }

    public OrgException(Kind kind, String message, Throwable cause) {
        super(Redactor.scrub(message), ScrubbedCause.of(cause));
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * A query named a field the org doesn't have, one of those that exist only in some orgs or API versions
     * ({@link RestClient#OPTIONAL_FIELDS}); the reader runs the query again without it.
     */
    public static final class UnknownField extends OrgException {

        private static final long serialVersionUID = 1L;

        private final String field;

        UnknownField(String field, String message) {
            super(Kind.REJECTED, message);
            this.field = field;
        }

        /** The field's API name, as the query spelled it. */
        public String field() {
            return field;
        }
    }

    /**
     * Stands in for a third-party exception (wsc, the JDK) whose message might carry a credential: same
     * class name in {@link #toString()}, scrubbed message, same stack trace, scrubbed causes.
     *
     * <p>Used only when scrubbing changes something in the chain: an exception with nothing to hide is
     * kept as it is, so its real type reaches the stack traces of {@code mvn -e}, and so tools that name
     * an exception by its class when it has no message (Maven's error line does) never print
     * "ScrubbedCause". For the same reason a stand-in always has a message, its original's simple class
     * name at least.
     */
    static final class ScrubbedCause extends Exception {

        private static final long serialVersionUID = 1L;

        private final String originalClass;
        private final boolean hadMessage;

        private ScrubbedCause(Throwable original) {
            super(messageFor(original), of(original.getCause()));
            this.originalClass = original.getClass().getName();
            this.hadMessage = describe(original) != null;
            setStackTrace(original.getStackTrace());
            for (Throwable suppressed : original.getSuppressed()) {
                addSuppressed(of(suppressed));
            }
        }

        static Throwable of(Throwable original) {
            if (original == null || original instanceof ScrubbedCause) {
                return original;
            }
            if (original instanceof OrgException) {
                return original; // already scrubbed, and its cause too
            }
            if (isClean(original, Collections.newSetFromMap(new IdentityHashMap<>()))) {
                return original;
            }
            return new ScrubbedCause(original);
        }

        /** Whether no text of {@code t}, its causes or its suppressed exceptions would change when scrubbed. */
        private static boolean isClean(Throwable t, Set<Throwable> seen) {
            if (t == null || !seen.add(t)) {
                return true;
            }
            for (String text : new String[] {t.getMessage(), t.getLocalizedMessage(), t.toString()}) {
                if (text != null && !text.equals(Redactor.scrub(text))) {
                    return false;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (!isClean(suppressed, seen)) {
                    return false;
                }
            }
            return isClean(t.getCause(), seen);
        }

        private static String messageFor(Throwable original) {
            String described = describe(original);
            return described == null ? original.getClass().getSimpleName() : Redactor.scrub(described);
        }

        // wsc's ApiFault has a null message and puts its code and text in toString().
        private static String describe(Throwable original) {
            String message = original.getMessage();
            String text = original.toString();
            if (message == null && text != null && !text.equals(original.getClass().getName())) {
                return text;
            }
            return message;
        }

        @Override
        public String toString() {
            return hadMessage ? originalClass + ": " + getLocalizedMessage() : originalClass;
        }
    }
}
