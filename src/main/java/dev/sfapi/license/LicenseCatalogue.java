package dev.sfapi.license;

import dev.sfapi.declaration.Operation;
import java.util.List;
import java.util.Optional;

/**
 * What each user license and permission set license can reach, as data: the built-in catalogue
 * ({@code dev/sfapi/license/catalogue.yml}) plus a team's additions from the declaration's
 * {@code licenses} section.
 *
 * <p>Answering "can a user holding these licenses ever be granted operation O on object X?":
 * <ol>
 *   <li>Each held license (the user license and each PSL) answers on its own: of its rows covering X,
 *       the most specific scope (named object over standard/custom over all) that mentions O decides;
 *       rows from the declaration win over built-in rows of the same specificity. No row: unknown.</li>
 *   <li>Combined: allowed if any held license allows with actionable confidence; denied if every held
 *       license denies with actionable confidence (a PSL that "adds nothing" for X says deny); otherwise
 *       unknown, with the reason (which license has no entry, or only a low-confidence one).</li>
 *   <li>A license name the catalogue does not know at all answers unknown, never allowed.</li>
 * </ol>
 * System permissions are answered the same way from the permission rows.
 */
public final class LicenseCatalogue {

    private LicenseCatalogue() {
        throw new UnsupportedOperationException("being written for issue 2");
    }

    /** The catalogue shipped with the plugin. */
    public static LicenseCatalogue builtIn() {
        throw new UnsupportedOperationException("being written for issue 2");
    }

    /** This catalogue with a team's definitions laid over it (same name = more rows and aliases). */
    public LicenseCatalogue withAdditions(List<LicenseDefinition> additions) {
        throw new UnsupportedOperationException("being written for issue 2");
    }

    /** The license known by this name, developer name, label or definition key (case-insensitive). */
    public Optional<LicenseDefinition> find(String nameOrAlias) {
        throw new UnsupportedOperationException("being written for issue 2");
    }

    public List<LicenseDefinition> definitions() {
        throw new UnsupportedOperationException("being written for issue 2");
    }

    /** Whether {@code held} can ever be granted {@code operation} on {@code object}. */
    public LicenseVerdict objectAccess(HeldLicenses held, String object, Operation operation) {
        throw new UnsupportedOperationException("being written for issue 2");
    }

    /** Whether {@code held} can ever be granted the system permission {@code permission} (API name). */
    public LicenseVerdict systemPermission(HeldLicenses held, String permission) {
        throw new UnsupportedOperationException("being written for issue 2");
    }

    /**
     * Whether two license names mean the same license (for permission sets bound to a license):
     * equal ignoring case, or both names of one catalogue definition ("Salesforce API Integration" and
     * "SalesforceAPIIntegrationPsl").
     */
    public boolean sameLicense(String a, String b) {
        throw new UnsupportedOperationException("being written for issue 2");
    }
}
