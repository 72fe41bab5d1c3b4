package dev.sfapi.org;

/** Small helpers for building message sentences out of text Salesforce sent. */
final class Messages {

    private Messages() {
    }

    /** {@code text} ending in exactly one full stop (Salesforce's texts sometimes end in one already). */
    static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /**
     * "SSLHandshakeException: PKIX path building failed…": an exception's simple class name and its
     * scrubbed message, for a message that must say what a third-party library reported.
     */
    static String describe(Throwable t) {
        String message = t.getMessage() == null ? null : Redactor.scrub(t.getMessage().strip());
        return message == null || message.isEmpty() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + message;
    }
}
