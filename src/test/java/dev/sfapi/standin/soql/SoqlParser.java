package dev.sfapi.standin.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the SOQL subset: field lists with dotted paths and TYPEOF, FROM, WHERE
 * with AND / OR / NOT and parentheses (mixing AND and OR without parentheses is refused, as SOQL
 * does), comparisons, LIKE, IN lists and semi-joins, ORDER BY and LIMIT. Real SOQL that the subset
 * lacks (GROUP BY, child subqueries, functions, …) is refused with a message saying so.
 */
final class SoqlParser {

    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "TYPEOF",
            "WHEN", "THEN", "ELSE", "END", "ORDER", "BY", "LIMIT", "NULL", "TRUE", "FALSE", "LIKE", "GROUP", "HAVING",
            "OFFSET", "WITH", "FOR", "USING", "INCLUDES", "EXCLUDES", "ASC", "DESC", "NULLS");
    private static final Set<String> NOT_IMPLEMENTED = Set.of("GROUP", "HAVING", "OFFSET", "WITH", "FOR", "USING",
            "INCLUDES", "EXCLUDES");

    private final String soql;
    private final List<Token> tokens;
    private int pos;

    private SoqlParser(String soql, List<Token> tokens) {
        this.soql = soql;
        this.tokens = tokens;
    }

    static Soql.Query parse(String soql) throws SoqlException {
        SoqlParser p = new SoqlParser(soql, SoqlLexer.tokens(soql));
        Soql.Query q = p.query();
        p.expectEnd(Token.Kind.EOF);
        return q;
    }

    private Soql.Query query() throws SoqlException {
        keyword("SELECT");
        List<Soql.SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (accept(Token.Kind.COMMA));
        keyword("FROM");
        Token object = word();
        Soql.Condition where = null;
        if (acceptKeyword("WHERE")) {
            where = condition();
        }
        List<Soql.Order> order = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            keyword("BY");
            do {
                Soql.Path path = path();
                boolean desc = false;
                if (acceptKeyword("DESC")) {
                    desc = true;
                } else {
                    acceptKeyword("ASC");
                }
                boolean nullsLast = desc;
                if (acceptKeyword("NULLS")) {
                    Token t = next();
                    if (t.is("LAST")) {
                        nullsLast = true;
                    } else if (t.is("FIRST")) {
                        nullsLast = false;
                    } else {
                        throw unexpected(t);
                    }
                }
                order.add(new Soql.Order(path, desc, nullsLast));
            } while (accept(Token.Kind.COMMA));
        }
        Integer limit = null;
        if (acceptKeyword("LIMIT")) {
            Token n = next();
            if (n.kind() != Token.Kind.NUMBER || n.text().contains(".") || n.text().startsWith("-")) {
                throw unexpected(n);
            }
            limit = Integer.valueOf(n.text());
        }
        return new Soql.Query(items, object, where, order, limit);
    }

    private Soql.SelectItem selectItem() throws SoqlException {
        if (acceptKeyword("TYPEOF")) {
            Token relationship = word();
            List<Soql.When> whens = new ArrayList<>();
            while (acceptKeyword("WHEN")) {
                Token type = word();
                keyword("THEN");
                whens.add(new Soql.When(type, pathList()));
            }
            if (whens.isEmpty()) {
                throw unexpected(peek());
            }
            List<Soql.Path> otherwise = acceptKeyword("ELSE") ? pathList() : List.of();
            keyword("END");
            return new Soql.TypeOf(relationship, whens, otherwise);
        }
        if (peek().kind() == Token.Kind.OPEN) {
            throw new SoqlException("MALFORMED_QUERY", soql, peek(),
                    "the stand-in does not implement child relationship subqueries in SELECT");
        }
        Token t = peek();
        if (t.kind() == Token.Kind.WORD && pos + 1 < tokens.size() && tokens.get(pos + 1).kind() == Token.Kind.OPEN) {
            throw new SoqlException("MALFORMED_QUERY", soql, t, "the stand-in does not implement functions such as " + t.text() + "()");
        }
        return path();
    }

    private List<Soql.Path> pathList() throws SoqlException {
        List<Soql.Path> out = new ArrayList<>();
        out.add(path());
        // A comma continues the list only when a field (not the next WHEN/ELSE/END) follows.
        while (peek().kind() == Token.Kind.COMMA && pos + 1 < tokens.size() && isField(tokens.get(pos + 1))) {
            next();
            out.add(path());
        }
        return out;
    }

    private static boolean isField(Token t) {
        return t.kind() == Token.Kind.WORD && !RESERVED.contains(t.upper());
    }

    private Soql.Condition condition() throws SoqlException {
        Soql.Condition first = unary();
        if (peek().is("AND") || peek().is("OR")) {
            String joiner = peek().upper();
            List<Soql.Condition> parts = new ArrayList<>(List.of(first));
            while (acceptKeyword(joiner)) {
                parts.add(unary());
            }
            if (peek().is("AND") || peek().is("OR")) {
                throw unexpected(peek()); // SOQL wants parentheses when AND and OR are mixed
            }
            return joiner.equals("AND") ? new Soql.And(parts) : new Soql.Or(parts);
        }
        return first;
    }

    private Soql.Condition unary() throws SoqlException {
        if (acceptKeyword("NOT")) {
            return new Soql.Not(unary());
        }
        if (accept(Token.Kind.OPEN)) {
            Soql.Condition inner = condition();
            expect(Token.Kind.CLOSE);
            return inner;
        }
        Soql.Path path = path();
        Token t = next();
        boolean negated = false;
        if (t.is("NOT")) {
            negated = true;
            t = next();
            if (!t.is("IN")) {
                throw unexpected(t);
            }
        }
        if (t.is("IN")) {
            Token open = expect(Token.Kind.OPEN);
            if (peek().is("SELECT")) {
                Soql.Query sub = query();
                expect(Token.Kind.CLOSE);
                return new Soql.SemiJoin(path, negated, sub, open);
            }
            List<Soql.Literal> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.CLOSE);
            return new Soql.In(path, negated, values);
        }
        if (t.is("LIKE")) {
            return new Soql.Compare(path, "LIKE", literal());
        }
        if (t.kind() == Token.Kind.OPERATOR) {
            return new Soql.Compare(path, t.text().equals("<>") ? "!=" : t.text(), literal());
        }
        if (NOT_IMPLEMENTED.contains(t.upper())) {
            throw notImplemented(t);
        }
        throw unexpected(t);
    }

    private Soql.Literal literal() throws SoqlException {
        Token t = next();
        return switch (t.kind()) {
            case STRING -> new Soql.Literal(t, t.text());
            case NUMBER -> new Soql.Literal(t, new java.math.BigDecimal(t.text()));
            case DATETIME -> new Soql.Literal(t, java.time.OffsetDateTime.parse(t.text()).toInstant());
            case WORD -> {
                if (t.is("TRUE") || t.is("FALSE")) {
                    yield new Soql.Literal(t, Boolean.valueOf(t.text().toLowerCase(java.util.Locale.ROOT)));
                }
                if (t.is("NULL")) {
                    yield new Soql.Literal(t, null);
                }
                throw unexpected(t);
            }
            default -> throw unexpected(t);
        };
    }

    private Soql.Path path() throws SoqlException {
        Token t = next();
        if (t.kind() != Token.Kind.WORD || RESERVED.contains(t.upper()) || t.text().startsWith(".")
                || t.text().endsWith(".") || t.text().contains("..")) {
            throw unexpected(t);
        }
        return new Soql.Path(t);
    }

    private Token word() throws SoqlException {
        Token t = next();
        if (t.kind() != Token.Kind.WORD || RESERVED.contains(t.upper()) || t.text().contains(".")) {
            throw unexpected(t);
        }
        return t;
    }

    private void keyword(String k) throws SoqlException {
        Token t = next();
        if (!t.is(k)) {
            throw unexpected(t);
        }
    }

    private boolean acceptKeyword(String k) {
        if (peek().is(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(Token.Kind kind) throws SoqlException {
        Token t = next();
        if (t.kind() != kind) {
            throw unexpected(t);
        }
        return t;
    }

    private void expectEnd(Token.Kind kind) throws SoqlException {
        Token t = peek();
        if (t.kind() != kind) {
            if (NOT_IMPLEMENTED.contains(t.upper())) {
                throw notImplemented(t);
            }
            throw unexpected(t);
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    private SoqlException unexpected(Token t) {
        return new SoqlException("MALFORMED_QUERY", soql, t, "unexpected token: " + t.display());
    }

    private SoqlException notImplemented(Token t) {
        return new SoqlException("MALFORMED_QUERY", soql, t, "the stand-in does not implement " + t.upper());
    }
}
