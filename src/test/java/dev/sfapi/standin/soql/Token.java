package dev.sfapi.standin.soql;

import java.util.Locale;

/** A SOQL token with its 1-based row and column (error messages point at it). */
record Token(Kind kind, String text, int row, int column) {

    enum Kind { WORD, STRING, NUMBER, DATETIME, COMMA, OPEN, CLOSE, OPERATOR, EOF }

    /** Whether this is the keyword {@code k} (keywords are case-insensitive). */
    boolean is(String k) {
        return kind == Kind.WORD && text.equalsIgnoreCase(k);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** How "unexpected token: …" names it. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : kind == Kind.STRING ? "'" + text + "'" : text;
    }
}
