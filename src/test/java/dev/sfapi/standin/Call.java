package dev.sfapi.standin;

import dev.sfapi.standin.http.HttpResponse;
import java.util.function.Supplier;

/**
 * A request a service has understood but not yet answered: what the log should say about it, and
 * how to answer. The router looks at injected faults between the two steps.
 */
public record Call(String operation, String subject, String soql, Supplier<HttpResponse> action) {

    public static Call of(String operation, String subject, Supplier<HttpResponse> action) {
        return new Call(operation, subject, null, action);
    }

    /** A request answered without further work (a parse error, an unknown path). */
    public static Call answered(String operation, HttpResponse response) {
        return new Call(operation, null, null, () -> response);
    }
}
