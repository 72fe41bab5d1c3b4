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
}
