package dev.sfapi.check;

import java.util.Collection;

/** The outcome of a requirement or an integration: worst finding wins. */
public enum Verdict {
    PASS, WARN, FAIL;

    public static Verdict of(Collection<Finding> findings) {
        Verdict v = PASS;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return FAIL;
            }
            if (f.severity() == Severity.WARNING) {
                v = WARN;
            }
        }
        return v;
    }
}
