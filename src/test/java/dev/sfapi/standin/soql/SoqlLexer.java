package dev.sfapi.standin.soql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SOQL into tokens. A word may contain dots ({@code Profile.UserLicense.Name} is one token);
 * strings are single-quoted with backslash escapes.
 */
final class SoqlLexer {

    private SoqlLexer() {
    }

    static List<Token> tokens(String soql) throws SoqlException {
        List<Token> out = new ArrayList<>();
        int row = 1;
        int lineStart = 0;
        int i = 0;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                row++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < soql.length() && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_'
                        || soql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, soql.substring(start, i), row, col));
            } else if (Character.isDigit(c) && dateTimeAt(soql, i) > 0) {
                // A dateTime literal: 2026-01-15T10:00:00Z, with optional fraction and offset.
                int end = dateTimeAt(soql, i);
                out.add(new Token(Token.Kind.DATETIME, soql.substring(i, end), row, col));
                i = end;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < soql.length() && Character.isDigit(soql.charAt(i + 1)))) {
                int start = i++;
                while (i < soql.length() && (Character.isDigit(soql.charAt(i)) || soql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Token.Kind.NUMBER, soql.substring(start, i), row, col));
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < soql.length()) {
                    char s = soql.charAt(i);
                    if (s == '\\' && i + 1 < soql.length()) {
                        char e = soql.charAt(i + 1);
                        value.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e; // \' \\ \" and the LIKE escapes \_ \% keep the character
                        });
                        i += 2;
                    } else if (s == '\'') {
                        i++;
                        closed = true;
                        break;
                    } else {
                        value.append(s);
                        i++;
                    }
                }
                if (!closed) {
                    throw new SoqlException("MALFORMED_QUERY", soql, row, col, "unterminated string literal");
                }
                out.add(new Token(Token.Kind.STRING, value.toString(), row, col));
            } else if (c == ',') {
                out.add(new Token(Token.Kind.COMMA, ",", row, col));
                i++;
            } else if (c == '(') {
                out.add(new Token(Token.Kind.OPEN, "(", row, col));
                i++;
            } else if (c == ')') {
                out.add(new Token(Token.Kind.CLOSE, ")", row, col));
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                int start = i++;
                if (i < soql.length() && (soql.charAt(i) == '=' || (c == '<' && soql.charAt(i) == '>'))) {
                    i++;
                }
                String op = soql.substring(start, i);
                if (op.equals("!")) {
                    throw new SoqlException("MALFORMED_QUERY", soql, row, col, "unexpected token: !");
                }
                out.add(new Token(Token.Kind.OPERATOR, op, row, col));
            } else {
                throw new SoqlException("MALFORMED_QUERY", soql, row, col, "unexpected token: " + c);
            }
        }
        out.add(new Token(Token.Kind.EOF, "", row, soql.length() - lineStart + 1));
        return out;
    }

    private static final java.util.regex.Pattern DATETIME = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})");

    /** The end of a dateTime literal starting at {@code at}, or -1. */
    private static int dateTimeAt(String soql, int at) {
        java.util.regex.Matcher m = DATETIME.matcher(soql);
        m.region(at, soql.length());
        return m.lookingAt() ? m.end() : -1;
    }
}
