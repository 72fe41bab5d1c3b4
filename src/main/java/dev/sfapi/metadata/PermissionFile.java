package dev.sfapi.metadata;

import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Profile, PermissionSet or MutingPermissionSet reduced to what decides access. Maps are
 * case-insensitive on API names, as Salesforce is. An entry present with no operations means
 * "listed, nothing granted" (or, in a muting set, nothing muted); absence means "not listed".
 *
 * <p>For a MutingPermissionSet the operations are the ones it <em>mutes</em>.
 *
 * @param kind            profile, permission set or muting permission set
 * @param fullName        the metadata full name (percent-encoded for profiles, e.g. {@code Custom%3A Support Profile})
 * @param label           the label if the file has one, else null
 * @param license         {@code <userLicense>} of a profile; {@code <license>} (or the pre-API-38
 *                        {@code <userLicense>}) of a permission set; null when absent
 * @param objects         object API name → operations granted (or muted)
 * @param fields          {@code Object.Field} → field operations granted (or muted)
 * @param userPermissions system permission API name → enabled
 * @param completeness    what absence proves, see {@link Completeness}
 * @param origin          where it was read from (file path or "org: Profile Admin") for messages
 * @param activationRequired a session-based permission set ({@code <hasActivationRequired>true}): its
 *                        permissions apply only in sessions that activate it, which an API integration's
 *                        session normally doesn't
 */
public record PermissionFile(MetadataKind kind, String fullName, String label, String license,
                             Map<String, Set<Operation>> objects, Map<String, Set<FieldOperation>> fields,
                             Map<String, Boolean> userPermissions, Completeness completeness, String origin,
                             boolean activationRequired) {

    /** A file whose permissions apply in every session (profiles, and most permission sets). */
    public PermissionFile(MetadataKind kind, String fullName, String label, String license,
                          Map<String, Set<Operation>> objects, Map<String, Set<FieldOperation>> fields,
                          Map<String, Boolean> userPermissions, Completeness completeness, String origin) {
        this(kind, fullName, label, license, objects, fields, userPermissions, completeness, origin, false);
    }

    public PermissionFile {
        objects = caseInsensitive(objects);
        fields = caseInsensitive(fields);
        userPermissions = caseInsensitive(userPermissions);
    }

    private static <V> Map<String, V> caseInsensitive(Map<String, V> in) {
        TreeMap<String, V> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(in);
        return Collections.unmodifiableMap(m);
    }

    /**
     * What the absence of an entry proves.
     * <ul>
     *   <li>{@code SOURCE_PROFILE}: a profile from a source tree or retrieve. Such files hold object and
     *       field settings only for the objects retrieved with them, and standard profiles are saved
     *       without {@code <userPermissions>}: absence proves nothing. System permissions are taken as
     *       known only when the file has at least one {@code <userPermissions>} entry (custom profiles
     *       list every enabled one).</li>
     *   <li>{@code FULL}: every permission is present (permission sets and muting sets always; profiles
     *       read whole from the org with readMetadata): absence means not granted.</li>
     * </ul>
     */
    public enum Completeness { SOURCE_PROFILE, FULL }
}
