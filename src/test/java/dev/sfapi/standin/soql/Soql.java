package dev.sfapi.standin.soql;

import java.util.List;

/** The syntax tree of the SOQL subset the stand-in understands. */
final class Soql {

    private Soql() {
    }

    /** {@code SELECT items FROM object [WHERE …] [ORDER BY …] [LIMIT n]} */
    record Query(List<SelectItem> items, Token object, Condition where, List<Order> orderBy, Integer limit) {
    }

    sealed interface SelectItem permits Path, TypeOf {
    }

    /** A field or a dotted path through relationships ({@code Profile.UserLicense.Name}). */
    record Path(Token token) implements SelectItem {
        List<String> parts() {
            return List.of(token.text().split("\\.", -1));
        }
    }

    /** {@code TYPEOF rel WHEN T THEN f, g … [ELSE h …] END} */
    record TypeOf(Token relationship, List<When> whens, List<Path> elseFields) implements SelectItem {
    }

    record When(Token type, List<Path> fields) {
    }

    sealed interface Condition permits And, Or, Not, Compare, In, SemiJoin {
    }

    record And(List<Condition> parts) implements Condition {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    /** {@code path op literal} with op one of = != <> < <= > >= */
    record Compare(Path path, String operator, Literal value) implements Condition {
    }

    /** {@code path [NOT] IN ('a', 'b')} */
    record In(Path path, boolean negated, List<Literal> values) implements Condition {
    }

    /** {@code path [NOT] IN (SELECT id FROM …)} */
    record SemiJoin(Path path, boolean negated, Query subquery, Token at) implements Condition {
    }

    /** A literal: a string, number, true/false or null ({@code value} null). */
    record Literal(Token token, Object value) {
        boolean isString() {
            return token.kind() == Token.Kind.STRING;
        }
    }

    record Order(Path path, boolean descending, boolean nullsLast) {
    }
}
