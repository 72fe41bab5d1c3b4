package dev.sfapi.license;

import java.util.List;

/**
 * The catalogue's answer to "can a user holding these licenses ever be granted this operation on this
 * object (or this system permission)?".
 *
 * @param outcome    allowed, denied, or unknown
 * @param confidence how sure (null when unknown)
 * @param decidedBy  the license or PSL whose entry decided it (null when unknown)
 * @param sources    the URLs behind the decision (empty when unknown)
 * @param note       an extra line for the report, may be null
 */
public record LicenseVerdict(Outcome outcome, Confidence confidence, String decidedBy, List<String> sources,
                             String note) {

    public enum Outcome { ALLOWED, DENIED, UNKNOWN }

    public LicenseVerdict {
        sources = List.copyOf(sources);
    }

    public static LicenseVerdict unknown(String note) {
        return new LicenseVerdict(Outcome.UNKNOWN, null, null, List.of(), note);
    }

    /** Allowed or denied with a confidence the plugin may act on. */
    public boolean isActionable() {
        return outcome != Outcome.UNKNOWN && confidence != null && confidence.isActionable();
    }
}
