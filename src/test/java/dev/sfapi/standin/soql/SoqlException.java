package dev.sfapi.standin.soql;

/**
 * A query the org refuses, with the error code REST returns ({@code MALFORMED_QUERY},
 * {@code INVALID_TYPE}, {@code INVALID_FIELD}) and the message in Salesforce's layout: the offending
 * line (or a window of it), a caret under the position, {@code ERROR at Row:r:Column:c}, then the text.
 */
public final class SoqlException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int WINDOW = 30;

    private final String errorCode;

    SoqlException(String errorCode, String soql, int row, int column, String text) {
        super(layout(soql, row, column, text), null, false, false);
        this.errorCode = errorCode;
    }

    SoqlException(String errorCode, String soql, Token at, String text) {
        this(errorCode, soql, at.row(), at.column(), text);
    }

    public String errorCode() {
        return errorCode;
    }

    private static String layout(String soql, int row, int column, String text) {
        String[] lines = soql.split("\n", -1);
        String line = row >= 1 && row <= lines.length ? lines[row - 1] : "";
        int caret = Math.max(0, column - 1);
        // Long lines are shown as a window around the error, as Salesforce does.
        int from = line.length() > 2 * WINDOW ? Math.max(0, caret - WINDOW) : 0;
        int to = line.length() > 2 * WINDOW ? Math.min(line.length(), caret + WINDOW) : line.length();
        String excerpt = line.substring(from, Math.max(from, to));
        return "\n" + excerpt + "\n" + " ".repeat(Math.max(0, caret - from)) + "^\nERROR at Row:" + row + ":Column:" + column
                + "\n" + text;
    }
}
