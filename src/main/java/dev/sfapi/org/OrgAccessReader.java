package dev.sfapi.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.PermissionSet;
import com.sforce.soap.metadata.Profile;
import com.sforce.soap.metadata.ReadResult;
import dev.sfapi.access.UserSetup;
import dev.sfapi.metadata.MetadataKind;
import dev.sfapi.metadata.PermissionFile;
import dev.sfapi.metadata.PermissionSetGroup;
import dev.sfapi.metadata.ProfileNames;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads from an org who the declared users are, what they hold and the metadata of all of it, in the
 * fewest round trips: after the one authentication, two waves of independent calls, each wave's calls
 * running concurrently on a bounded pool.
 * <ol>
 *   <li>Wave 1 (nothing in it depends on anything else): the users (Q1), their permission set
 *       assignments (Q2), permission set license assignments (Q3), the components of their groups with
 *       the muting sets (Q4), their frozen state (Q5), the org's user licenses and permission set licenses
 *       with seat counts, the Organization row, and {@code listMetadata(Profile)}, which maps
 *       {@code User.ProfileId} to the profile's exact full name (labels are not full names:
 *       "System Administrator" is {@code Admin}, punctuation is %-encoded). Semi-joins on the username
 *       ({@code Assignee.Username IN …}) are what make Q2–Q5 independent of Q1. Every IN-list is split
 *       so that no URL exceeds Salesforce's limit ({@link Soql#chunkedIn}); each chunk is one call.
 *       Assignments that grant nothing (revoked by a user access policy, past their expiration date) are
 *       filtered out in the queries themselves ({@link AssignmentFilter}).</li>
 *   <li>Wave 2: {@code readMetadata} of the Profiles, PermissionSets (direct and group members),
 *       MutingPermissionSets and PermissionSetGroups, at most 10 names per call, all chunks of all types at
 *       once.</li>
 * </ol>
 * Groups are built from Q4, which lists each group's members and muting set, so that those can be read
 * in wave 2 too; the PermissionSetGroup metadata, read beside them, confirms each group (its status is
 * Updated, its lists are the same) or makes it a gap ({@link Assembly#confirmGroups}).
 *
 * <p>Any failed call fails the read ({@link OrgException}); unknown, inactive and frozen users are data
 * (their {@link UserSetup.Status}), and components the org lists but readMetadata returns empty become
 * {@link OrgAccess.Gap}s, reported as warnings.
 */
public final class OrgAccessReader {

    /** Calls in flight at once: enough for a whole wave of a typical run, far below any org limit. */
    public static final int DEFAULT_CONCURRENCY = 10;
    /** The Metadata API's limit of names per readMetadata call. */
    public static final int READ_METADATA_LIMIT = 10;

    static final String Q1_USERS = "SELECT Id, Username, IsActive, UserType, ProfileId, Profile.Name,"
            + " Profile.UserLicense.Name, Profile.UserLicense.LicenseDefinitionKey FROM User WHERE Username IN (%s)";
    /** {@code {active}}: {@code , IsActive} where the API version has it; {@code {granting}}: {@link AssignmentFilter}. */
    static final String Q2_ASSIGNMENTS = "SELECT AssigneeId, PermissionSetId, PermissionSet.Name,"
            + " PermissionSet.NamespacePrefix, PermissionSet.IsOwnedByProfile, PermissionSet.Type,"
            + " PermissionSetGroupId, PermissionSetGroup.DeveloperName, PermissionSetGroup.NamespacePrefix{active}"
            + " FROM PermissionSetAssignment WHERE Assignee.Username IN (%s){granting}";
    static final String Q3_LICENSE_ASSIGNMENTS = "SELECT AssigneeId, PermissionSetLicenseId,"
            + " PermissionSetLicense.DeveloperName, PermissionSetLicense.MasterLabel FROM PermissionSetLicenseAssign"
            + " WHERE Assignee.Username IN (%s){granting}";
    /**
     * PermissionSetId is polymorphic ("Refers to: MutingPermissionSet, PermissionSet", object reference of
     * PermissionSetGroupComponent), so TYPEOF names members and muting sets in one query.
     */
    static final String Q4_GROUP_COMPONENTS = "SELECT PermissionSetGroupId, PermissionSetGroup.DeveloperName,"
            + " PermissionSetGroup.NamespacePrefix, PermissionSetId, TYPEOF PermissionSet"
            + " WHEN PermissionSet THEN Name, NamespacePrefix WHEN MutingPermissionSet THEN DeveloperName,"
            + " NamespacePrefix END FROM PermissionSetGroupComponent WHERE PermissionSetGroupId IN"
            + " (SELECT PermissionSetGroupId FROM PermissionSetAssignment WHERE Assignee.Username IN (%s){granting})";
    static final String Q5_FROZEN = "SELECT UserId, IsFrozen FROM UserLogin WHERE UserId IN"
            + " (SELECT Id FROM User WHERE Username IN (%s))";
    static final String Q_USER_LICENSES = "SELECT Name, LicenseDefinitionKey, MasterLabel, TotalLicenses,"
            + " UsedLicenses FROM UserLicense";
    static final String Q_PERMISSION_SET_LICENSES = "SELECT DeveloperName, MasterLabel, TotalLicenses, UsedLicenses"
            + " FROM PermissionSetLicense";
    static final String Q_ORGANIZATION = "SELECT Id, Name FROM Organization";

    private final OrgClient client;
    private final int maxConcurrent;
    private final Clock clock;

    public OrgAccessReader(OrgClient client) {
        this(client, DEFAULT_CONCURRENCY, Clock.systemUTC());
    }

    /** @param maxConcurrent calls in flight at once (at least 1) */
    public OrgAccessReader(OrgClient client, int maxConcurrent, Clock clock) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.client = client;
        this.maxConcurrent = maxConcurrent;
        this.clock = clock;
    }

    /**
     * Reads the users (case-insensitive, duplicates dropped) and everything they hold.
     *
     * @throws OrgException when any call fails; the message says what failed and what to do
     */
    public OrgAccess read(Collection<String> usernames) throws OrgException {
        List<String> requested = distinct(usernames);
        AssignmentFilter filter = AssignmentFilter.of(client.session().apiVersion(), clock.instant());
        try (Parallel parallel = new Parallel(maxConcurrent)) {
            // ---- wave 1
            List<Future<List<JsonNode>>> users = queries(parallel, Q1_USERS, requested);
            List<Future<List<JsonNode>>> assignments = queries(parallel, filter.assignments(Q2_ASSIGNMENTS), requested);
            List<Future<List<JsonNode>>> licenseAssignments = queries(parallel,
                    filter.licenseAssignments(Q3_LICENSE_ASSIGNMENTS), requested);
            List<Future<List<JsonNode>>> components = queries(parallel, filter.assignments(Q4_GROUP_COMPONENTS),
                    requested);
            List<Future<List<JsonNode>>> frozen = queries(parallel, Q5_FROZEN, requested);
            Future<List<JsonNode>> userLicenses = parallel.submit(() -> client.rest().query(Q_USER_LICENSES));
            Future<List<JsonNode>> psls = parallel.submit(() -> client.rest().query(Q_PERMISSION_SET_LICENSES));
            Future<List<JsonNode>> organization = parallel.submit(() -> client.rest().query(Q_ORGANIZATION));
            Future<FileProperties[]> profiles = parallel.submit(this::listProfiles);
            parallel.awaitAll();

            Assembly a = new Assembly(requested);
            filter.gap().ifPresent(a.gaps::add);
            a.users(all(users), all(frozen), Parallel.result(profiles));
            a.assignments(all(assignments));
            a.licenseAssignments(all(licenseAssignments));
            a.components(all(components));

            // ---- wave 2: each call converts what it read while the others are still in flight
            String origin = "org " + orgId(Parallel.result(organization));
            List<Future<List<PermissionFile>>> profileReads = reads(parallel, MetadataKind.PROFILE, a.profileNames(),
                    origin);
            List<Future<List<PermissionFile>>> setReads = reads(parallel, MetadataKind.PERMISSION_SET, a.setNames(),
                    origin);
            List<Future<List<PermissionFile>>> mutingReads = reads(parallel, MetadataKind.MUTING_PERMISSION_SET,
                    a.mutingNames(), origin);
            List<Future<List<PermissionSetGroup>>> groupReads = reads(parallel, MetadataKind.PERMISSION_SET_GROUP,
                    a.groupNames(), m -> group(m, origin));
            parallel.awaitAll();

            OrgAccess.OrgInfo info = orgInfo(Parallel.result(organization));
            List<PermissionFile> profileFiles = received(profileReads, a.profileNames(), MetadataKind.PROFILE, a);
            List<PermissionFile> setFiles = received(setReads, a.setNames(), MetadataKind.PERMISSION_SET, a);
            List<PermissionFile> mutingFiles = received(mutingReads, a.mutingNames(),
                    MetadataKind.MUTING_PERMISSION_SET, a);
            List<PermissionSetGroup> groupMetadata = received(groupReads, a.groupNames(),
                    MetadataKind.PERMISSION_SET_GROUP, a, PermissionSetGroup::fullName);
            a.confirmGroups(groupMetadata);
            OrgMetadata metadata = new OrgMetadata("metadata read from " + info.describe(), profileFiles,
                    a.profileLabels(), setFiles, a.groups(), mutingFiles, groupMetadata);
            return new OrgAccess(info, requested, a.orgUsers(), seats(Parallel.result(userLicenses), true),
                    seats(Parallel.result(psls), false), metadata, a.gaps());
        }
    }

    private List<Future<List<JsonNode>>> queries(Parallel parallel, String template, List<String> usernames) {
        List<Future<List<JsonNode>>> futures = new ArrayList<>();
        for (String soql : Soql.chunkedIn(template, usernames)) {
            futures.add(parallel.submit(() -> query(soql)));
        }
        return futures;
    }

    /**
     * One query; if the org has no IsRevoked (an org without user access policies, where nothing can be
     * revoked), the same query again without that condition: one more request, only in such an org.
     */
    private List<JsonNode> query(String soql) throws OrgException {
        try {
            return client.rest().query(soql);
        } catch (OrgException.UnknownField e) {
            String without = AssignmentFilter.withoutRevoked(soql);
            if (!e.field().equalsIgnoreCase("IsRevoked") || without.equals(soql)) {
                throw e;
            }
            return client.rest().query(without);
        }
    }

    /**
     * The conditions that keep only assignments that grant, by what the query's API version knows (object
     * reference of PermissionSetAssignment: ExpirationDate and IsActive from 52.0, IsRevoked from 57.0 and
     * only where user access policies are enabled; PermissionSetLicenseAssign.IsRevoked from 58.0, "reserved
     * for internal use" — a revoked row never grants, so filtering on it is safe either way). Expired means
     * ExpirationDate at or before now: Salesforce removes an expired assignment, but not necessarily at once.
     * IsActive is selected, not filtered: see {@link Assembly#assignments}.
     */
    record AssignmentFilter(int apiMajor, Instant now) {

        static final String REVOKED = " AND IsRevoked = false";

        static AssignmentFilter of(String apiVersion, Instant now) {
            int dot = apiVersion.indexOf('.');
            return new AssignmentFilter(Integer.parseInt(dot < 0 ? apiVersion : apiVersion.substring(0, dot)),
                    now.truncatedTo(ChronoUnit.SECONDS));
        }

        String assignments(String template) {
            String granting = (apiMajor >= 57 ? REVOKED : "") + (apiMajor >= 52 ? " AND (ExpirationDate = null"
                    + " OR ExpirationDate > " + DateTimeFormatter.ISO_INSTANT.format(now) + ")" : "");
            return template.replace("{active}", apiMajor >= 52 ? ", IsActive" : "").replace("{granting}", granting);
        }

        String licenseAssignments(String template) {
            return template.replace("{granting}", apiMajor >= 58 ? REVOKED : "");
        }

        static String withoutRevoked(String soql) {
            return soql.replace(REVOKED, "");
        }

        /** What the API version can't tell, as a gap; empty from 57.0 on. */
        Optional<OrgAccess.Gap> gap() {
            if (apiMajor >= 57) {
                return Optional.empty();
            }
            String missing = apiMajor >= 52 ? "PermissionSetAssignment.IsRevoked (API 57.0)"
                    : "PermissionSetAssignment.IsRevoked (API 57.0), ExpirationDate and IsActive (API 52.0)";
            return Optional.of(new OrgAccess.Gap(null, "permission set assignments", "REST API version " + apiMajor
                    + ".0 has no " + missing + ", so an assignment revoked by a user access policy"
                    + (apiMajor >= 52 ? "" : " or past its expiration date") + " is counted as if it granted.",
                    "Set sfapi.apiVersion to 57.0 or later (the default is " + ConnectionSettings.DEFAULT_API_VERSION
                            + ")."));
        }
    }

    private FileProperties[] listProfiles() throws OrgException {
        ListMetadataQuery query = new ListMetadataQuery();
        query.setType(MetadataKind.PROFILE.typeName());
        double version = Double.parseDouble(MetadataCalls.SCHEMA_VERSION);
        FileProperties[] result = client.metadata().call("listMetadata of Profile",
                c -> c.listMetadata(new ListMetadataQuery[] {query}, version));
        return result == null ? new FileProperties[0] : result;
    }

    private List<Future<List<PermissionFile>>> reads(Parallel parallel, MetadataKind kind, List<String> names,
                                                     String origin) {
        return reads(parallel, kind, names, m -> convert(m, kind, origin));
    }

    /** A Metadata record turned into the model. */
    @FunctionalInterface
    private interface Conversion<T> {
        T convert(Metadata m) throws OrgException;
    }

    private <T> List<Future<List<T>>> reads(Parallel parallel, MetadataKind kind, List<String> names,
                                            Conversion<T> conversion) {
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int from = 0; from < names.size(); from += READ_METADATA_LIMIT) {
            String[] chunk = names.subList(from, Math.min(names.size(), from + READ_METADATA_LIMIT))
                    .toArray(String[]::new);
            String what = "readMetadata of " + chunk.length + " " + kind.typeName()
                    + (chunk.length == 1 ? "" : "s");
            futures.add(parallel.submit(() -> {
                ReadResult r = client.metadata().call(what, c -> c.readMetadata(kind.typeName(), chunk));
                List<T> out = new ArrayList<>();
                if (r != null && r.getRecords() != null) {
                    for (Metadata m : r.getRecords()) {
                        // A name the org doesn't have comes back as an empty record (or xsi:nil).
                        if (m != null && m.getFullName() != null) {
                            out.add(conversion.convert(m));
                        }
                    }
                }
                return out;
            }));
        }
        return futures;
    }

    private static PermissionFile convert(Metadata m, MetadataKind kind, String origin) throws OrgException {
        Class<?> expected = switch (kind) {
            case PROFILE -> Profile.class;
            case MUTING_PERMISSION_SET -> com.sforce.soap.metadata.MutingPermissionSet.class;
            default -> PermissionSet.class;
        };
        if (!expected.isInstance(m)) {
            throw new OrgException(OrgException.Kind.PROTOCOL, "readMetadata of " + kind.typeName() + " '"
                    + m.getFullName() + "' answered with a " + m.getClass().getSimpleName() + " record instead of a "
                    + kind.typeName() + ". Check that the instance URL is the org's.");
        }
        String from = origin + ", " + kind.typeName() + " " + m.getFullName();
        return kind == MetadataKind.PROFILE ? MetadataConversion.profile((Profile) m, from)
                : MetadataConversion.permissionSet((PermissionSet) m, kind, from);
    }

    /** A PermissionSetGroup record as the model, with the org's recalculation status. */
    private static PermissionSetGroup group(Metadata m, String origin) throws OrgException {
        if (!(m instanceof com.sforce.soap.metadata.PermissionSetGroup g)) {
            throw new OrgException(OrgException.Kind.PROTOCOL, "readMetadata of PermissionSetGroup '"
                    + m.getFullName() + "' answered with a " + m.getClass().getSimpleName() + " record instead of a"
                    + " PermissionSetGroup. Check that the instance URL is the org's.");
        }
        return new PermissionSetGroup(g.getFullName(), g.getLabel() == null || g.getLabel().isBlank() ? null
                : g.getLabel(), names(g.getPermissionSets()), names(g.getMutingPermissionSets()),
                origin + ", PermissionSetGroup " + g.getFullName(), g.getStatus() == null || g.getStatus().isBlank()
                ? null : g.getStatus().trim());
    }

    private static List<String> names(String[] values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.trim());
                }
            }
        }
        return out;
    }

    /** The components of a type's reads, each requested name matched; names with no record become gaps. */
    private static List<PermissionFile> received(List<Future<List<PermissionFile>>> reads, List<String> requested,
                                                 MetadataKind kind, Assembly a) {
        return received(reads, requested, kind, a, PermissionFile::fullName);
    }

    private static <T> List<T> received(List<Future<List<T>>> reads, List<String> requested, MetadataKind kind,
                                        Assembly a, Function<T, String> nameOf) {
        Function<String, String> key = kind == MetadataKind.PROFILE ? ProfileNames::key
                : s -> s.toLowerCase(Locale.ROOT);
        Map<String, T> byKey = new LinkedHashMap<>();
        for (Future<List<T>> f : reads) {
            for (T file : Parallel.result(f)) {
                byKey.put(key.apply(nameOf.apply(file)), file);
            }
        }
        List<T> out = new ArrayList<>();
        for (String name : requested) {
            T file = byKey.get(key.apply(name));
            if (file == null) {
                a.missing(kind, name);
            } else {
                out.add(file);
            }
        }
        return out;
    }

    private String orgId(List<JsonNode> organization) {
        String id = organization.isEmpty() ? null : text(organization.get(0), "/Id");
        return id != null ? id : client.session().orgId().orElse("(unknown org id)");
    }

    private OrgAccess.OrgInfo orgInfo(List<JsonNode> organization) {
        OrgSession session = client.session();
        String name = organization.isEmpty() ? null : text(organization.get(0), "/Name");
        return new OrgAccess.OrgInfo(orgId(organization), name, session.instanceUrl().getHost(), session.apiVersion(),
                clock.instant(), false);
    }

    private static List<OrgAccess.LicenseSeats> seats(List<JsonNode> rows, boolean userLicense) {
        List<OrgAccess.LicenseSeats> out = new ArrayList<>();
        for (JsonNode r : rows) {
            out.add(new OrgAccess.LicenseSeats(text(r, userLicense ? "/Name" : "/DeveloperName"),
                    userLicense ? text(r, "/LicenseDefinitionKey") : null, text(r, "/MasterLabel"),
                    r.path("TotalLicenses").asInt(0), r.path("UsedLicenses").asInt(0)));
        }
        return out;
    }

    private static List<JsonNode> all(List<Future<List<JsonNode>>> chunks) {
        List<JsonNode> out = new ArrayList<>();
        chunks.forEach(f -> out.addAll(Parallel.result(f)));
        return out;
    }

    static List<String> distinct(Collection<String> usernames) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String u : usernames) {
            if (u != null && !u.isBlank()) {
                seen.putIfAbsent(u.trim().toLowerCase(Locale.ROOT), u.trim());
            }
        }
        return List.copyOf(seen.values());
    }

    /** A text value at a JSON pointer; null for absent, JSON null or blank. */
    static String text(JsonNode node, String pointer) {
        JsonNode v = node.at(pointer);
        return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    /** The first 15 characters: Salesforce ids compare equal in their 15- and 18-character forms. */
    static String id15(String id) {
        return id == null ? null : id.length() >= 15 ? id.substring(0, 15) : id;
    }

    /** {@code ns__Name}, as the Metadata API names managed components; {@code Name} without a namespace. */
    static String fullName(String namespacePrefix, String name) {
        return namespacePrefix == null || name == null ? name : namespacePrefix + "__" + name;
    }

    /** Turns the query rows into users, their assignments and the groups' composition. */
    private static final class Assembly {

        private final List<String> requested;
        /** Per user id (15 chars), in the order of {@code requested}. */
        private final Map<String, Builder> byId = new LinkedHashMap<>();
        private final Map<String, Builder> byUsername = new LinkedHashMap<>();
        private final Map<String, String> profileLabels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
        private final Set<String> unresolvedGroups = new LinkedHashSet<>();
        private final List<OrgAccess.Gap> gaps = new ArrayList<>();

        Assembly(List<String> requested) {
            this.requested = requested;
        }

        void users(List<JsonNode> rows, List<JsonNode> frozenRows, FileProperties[] profiles) {
            Map<String, String> profileFullNames = new LinkedHashMap<>();
            for (FileProperties p : profiles) {
                if (p != null && p.getId() != null && p.getFullName() != null) {
                    profileFullNames.put(id15(p.getId()), p.getFullName());
                }
            }
            Map<String, Boolean> frozen = new LinkedHashMap<>();
            for (JsonNode r : frozenRows) {
                frozen.merge(id15(text(r, "/UserId")), r.path("IsFrozen").asBoolean(false), Boolean::logicalOr);
            }
            Map<String, JsonNode> rowByName = new LinkedHashMap<>();
            for (JsonNode r : rows) {
                String username = text(r, "/Username");
                if (username != null) {
                    rowByName.put(username.toLowerCase(Locale.ROOT), r);
                }
            }
            for (String username : requested) {
                JsonNode r = rowByName.get(username.toLowerCase(Locale.ROOT));
                Builder b = new Builder(username);
                byUsername.put(username.toLowerCase(Locale.ROOT), b);
                if (r == null) {
                    continue;
                }
                b.found = true;
                b.id = text(r, "/Id");
                b.userType = text(r, "/UserType");
                b.profile = text(r, "/Profile/Name");
                b.userLicense = text(r, "/Profile/UserLicense/Name");
                b.userLicenseKey = text(r, "/Profile/UserLicense/LicenseDefinitionKey");
                String profileId = text(r, "/ProfileId");
                b.profileFullName = profileFullNames.get(id15(profileId));
                if (b.profileFullName == null) {
                    gaps.add(new OrgAccess.Gap(username, "profile '" + b.profile + "'", "listMetadata(Profile) does"
                            + " not list the profile (id " + profileId + ") of user '" + username + "', so its"
                            + " metadata could not be read.", "Check that the connecting user can see every profile"
                            + " (with Profile Filtering on, it needs View Setup and Configuration)."));
                } else if (b.profile != null) {
                    profileLabels.put(b.profile, b.profileFullName);
                }
                if (!r.path("IsActive").asBoolean(true)) {
                    b.status = UserSetup.Status.INACTIVE;
                } else if (Boolean.TRUE.equals(frozen.get(id15(b.id)))) {
                    b.status = UserSetup.Status.FROZEN;
                } else {
                    b.status = UserSetup.Status.ACTIVE;
                }
                byId.put(id15(b.id), b);
            }
        }

        void assignments(List<JsonNode> rows) {
            for (JsonNode r : rows) {
                Builder b = byId.get(id15(text(r, "/AssigneeId")));
                if (b == null || r.at("/PermissionSet/IsOwnedByProfile").asBoolean(false)) {
                    continue; // the profile's own set is read as the profile
                }
                if (b.status == UserSetup.Status.ACTIVE && !r.path("IsActive").asBoolean(true)) {
                    // The reference says only "whether the assignment is active"; an assignment that isn't
                    // grants nothing. (An inactive user's rows are kept: that user is an error anyway, and
                    // the drift check should still see what it holds.)
                    String name = text(r, "/PermissionSetGroupId") != null
                            ? "permission set group '" + fullName(text(r, "/PermissionSetGroup/NamespacePrefix"),
                                    text(r, "/PermissionSetGroup/DeveloperName")) + "'"
                            : "permission set '" + fullName(text(r, "/PermissionSet/NamespacePrefix"),
                                    text(r, "/PermissionSet/Name")) + "'";
                    gaps.add(new OrgAccess.Gap(b.username, name, "the org shows the assignment of " + name + " to '"
                            + b.username + "' as inactive (PermissionSetAssignment.IsActive = false), so nothing it"
                            + " grants is counted.", "Check the user's permission set assignments in Setup > Users;"
                            + " remove the assignment, or assign it again if the integration needs it."));
                    continue;
                }
                if (text(r, "/PermissionSetGroupId") != null) {
                    String group = fullName(text(r, "/PermissionSetGroup/NamespacePrefix"),
                            text(r, "/PermissionSetGroup/DeveloperName"));
                    addOnce(b.groups, group);
                    groups.computeIfAbsent(id15(text(r, "/PermissionSetGroupId")), k -> new GroupBuilder(group));
                    continue;
                }
                String type = text(r, "/PermissionSet/Type");
                if ("Group".equalsIgnoreCase(type)) {
                    continue; // a group's aggregate set without its group id: nothing of its own to read
                }
                String set = fullName(text(r, "/PermissionSet/NamespacePrefix"), text(r, "/PermissionSet/Name"));
                addOnce(b.permissionSets, set);
                if ("Session".equalsIgnoreCase(type)) {
                    gaps.add(new OrgAccess.Gap(b.username, "permission set '" + set + "'", "permission set '" + set
                            + "' is session-based: it grants its permissions only in sessions that activate it, and"
                            + " the checks count it as granted.", "Make sure the integration's sessions activate it,"
                            + " or assign its permissions through a permission set without session activation."));
                }
            }
        }

        void licenseAssignments(List<JsonNode> rows) {
            for (JsonNode r : rows) {
                Builder b = byId.get(id15(text(r, "/AssigneeId")));
                String psl = text(r, "/PermissionSetLicense/DeveloperName");
                if (b != null && psl != null) {
                    addOnce(b.permissionSetLicenses, psl);
                }
            }
        }

        void components(List<JsonNode> rows) {
            for (JsonNode r : rows) {
                String groupId = id15(text(r, "/PermissionSetGroupId"));
                GroupBuilder g = groups.computeIfAbsent(groupId, k -> new GroupBuilder(fullName(
                        text(r, "/PermissionSetGroup/NamespacePrefix"), text(r, "/PermissionSetGroup/DeveloperName"))));
                JsonNode component = r.path("PermissionSet");
                String type = text(component, "/attributes/type");
                if ("PermissionSet".equals(type) && text(component, "/Name") != null) {
                    addOnce(g.members, fullName(text(component, "/NamespacePrefix"), text(component, "/Name")));
                } else if ("MutingPermissionSet".equals(type) && text(component, "/DeveloperName") != null) {
                    addOnce(g.muting, fullName(text(component, "/NamespacePrefix"), text(component, "/DeveloperName")));
                } else {
                    // A component we can't name could grant or mute anything: the group can't be judged.
                    unresolvedGroups.add(g.fullName);
                    gaps.add(new OrgAccess.Gap(null, "permission set group '" + g.fullName + "'", "a component ("
                            + text(r, "/PermissionSetId") + ") of permission set group '" + g.fullName + "' came back"
                            + " without a name, so what the group grants or mutes can't be told.",
                            "Check the group in Setup > Permission Set Groups; report this case with a snapshot."));
                }
            }
        }

        void missing(MetadataKind kind, String name) {
            List<String> holders = new ArrayList<>();
            for (Builder b : byUsername.values()) {
                boolean holds = switch (kind) {
                    case PROFILE -> name.equals(b.profileFullName);
                    case PERMISSION_SET -> containsIgnoreCase(b.permissionSets, name)
                            || b.groups.stream().anyMatch(g -> groupHas(g, name, false));
                    case MUTING_PERMISSION_SET -> b.groups.stream().anyMatch(g -> groupHas(g, name, true));
                    case PERMISSION_SET_GROUP -> containsIgnoreCase(b.groups, name);
                };
                if (holds) {
                    holders.add(b.username);
                }
            }
            gaps.add(new OrgAccess.Gap(holders.size() == 1 ? holders.get(0) : null, kind.label() + " '" + name + "'",
                    "the org assigns " + kind.label() + " '" + name + "'" + (holders.isEmpty() ? ""
                            : " (to " + String.join(", ", holders) + ")") + ", but readMetadata returned no "
                            + kind.typeName() + " of that name, so what it grants can't be told.",
                    "Check that the connecting user can read it (Modify Metadata Through Metadata API Functions or"
                            + " Modify All Data) and that it is not a kind of " + kind.label() + " the Metadata API"
                            + " doesn't serve."));
        }

        private boolean groupHas(String group, String name, boolean muting) {
            for (GroupBuilder g : groups.values()) {
                if (g.fullName != null && g.fullName.equalsIgnoreCase(group)) {
                    return containsIgnoreCase(muting ? g.muting : g.members, name);
                }
            }
            return false;
        }

        List<String> profileNames() {
            List<String> out = new ArrayList<>();
            for (Builder b : byUsername.values()) {
                if (b.profileFullName != null && out.stream().noneMatch(p -> ProfileNames.same(p, b.profileFullName))) {
                    out.add(b.profileFullName);
                }
            }
            return out;
        }

        List<String> setNames() {
            List<String> out = new ArrayList<>();
            byUsername.values().forEach(b -> b.permissionSets.forEach(s -> addOnce(out, s)));
            groups.values().forEach(g -> g.members.forEach(s -> addOnce(out, s)));
            return out;
        }

        List<String> mutingNames() {
            List<String> out = new ArrayList<>();
            groups.values().forEach(g -> g.muting.forEach(s -> addOnce(out, s)));
            return out;
        }

        List<String> groupNames() {
            List<String> out = new ArrayList<>();
            groups.values().forEach(g -> addOnce(out, g.fullName));
            return out;
        }

        /**
         * Holds each group's components (Q4) against its PermissionSetGroup metadata. The checks use a group
         * only when its metadata confirms it: status Updated (anything else means Salesforce hasn't finished
         * recalculating, so the group's effective permissions may differ from its components), and the same
         * members and muting sets. Otherwise, or without metadata, the group is a gap and what it could
         * decide is "cannot tell": neither view is picked silently.
         */
        void confirmGroups(List<PermissionSetGroup> metadata) {
            Map<String, PermissionSetGroup> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            metadata.forEach(m -> byName.put(m.fullName(), m));
            for (GroupBuilder g : groups.values()) {
                if (g.fullName == null || unresolvedGroups.contains(g.fullName)) {
                    continue;
                }
                PermissionSetGroup md = byName.get(g.fullName);
                if (md == null) {
                    unresolvedGroups.add(g.fullName); // missing(): already a gap
                    continue;
                }
                g.label = md.label();
                g.status = md.status();
                String subject = "permission set group '" + g.fullName + "'";
                if (!PermissionSetGroup.UPDATED.equalsIgnoreCase(md.status())) {
                    unresolvedGroups.add(g.fullName);
                    gaps.add(new OrgAccess.Gap(holder(g.fullName), subject, subject + " has status "
                            + (md.status() == null ? "(none)" : md.status()) + statusMeaning(md.status())
                            + ": its permissions may differ from its components, so what it grants or mutes can't"
                            + " be told.", "Recalculate it (Setup > Permission Set Groups > " + g.fullName
                            + (md.status() != null && md.status().equalsIgnoreCase("Failed")
                            ? ": check why the recalculation failed, then Recalculate" : " > Recalculate, or wait"
                            + " for the recalculation to finish") + ") and run again once its status is Updated."));
                    continue;
                }
                List<String> differences = new ArrayList<>();
                difference(differences, "permission sets", md.permissionSets(), g.members);
                difference(differences, "muting permission sets", md.mutingPermissionSets(), g.muting);
                if (!differences.isEmpty()) {
                    unresolvedGroups.add(g.fullName);
                    gaps.add(new OrgAccess.Gap(holder(g.fullName), subject, "the PermissionSetGroup metadata of '"
                            + g.fullName + "' and its PermissionSetGroupComponent rows disagree: "
                            + String.join("; ", differences) + ". Which of them Salesforce applies can't be told, so"
                            + " neither is used and what the group grants or mutes can't be told.",
                            "Run again (the group may have changed during the read); if it stays, recalculate the"
                            + " group in Setup > Permission Set Groups and report this case with a snapshot."));
                }
            }
        }

        private static String statusMeaning(String status) {
            if (status == null) {
                return " (Updated would mean Salesforce has recalculated it)";
            }
            return switch (status.toLowerCase(Locale.ROOT)) {
                case "outdated" -> " (it needs recalculating)";
                case "updating" -> " (Salesforce is recalculating it)";
                case "failed" -> " (its recalculation failed)";
                default -> " (Updated would mean Salesforce has recalculated it)";
            };
        }

        private static void difference(List<String> out, String what, List<String> metadata, List<String> components) {
            List<String> onlyMetadata = metadata.stream().filter(n -> !containsIgnoreCase(components, n)).toList();
            List<String> onlyComponents = components.stream().filter(n -> !containsIgnoreCase(metadata, n)).toList();
            if (!onlyMetadata.isEmpty()) {
                out.add("the metadata lists " + what + " '" + String.join("', '", onlyMetadata)
                        + "' that the components don't");
            }
            if (!onlyComponents.isEmpty()) {
                out.add("the components list " + what + " '" + String.join("', '", onlyComponents)
                        + "' that the metadata doesn't");
            }
        }

        /** The one requested user holding this group, or null for several. */
        private String holder(String group) {
            List<String> holders = byUsername.values().stream().filter(b -> containsIgnoreCase(b.groups, group))
                    .map(b -> b.username).toList();
            return holders.size() == 1 ? holders.get(0) : null;
        }

        Map<String, String> profileLabels() {
            return profileLabels;
        }

        List<PermissionSetGroup> groups() {
            List<PermissionSetGroup> out = new ArrayList<>();
            for (GroupBuilder g : groups.values()) {
                if (g.fullName != null && !unresolvedGroups.contains(g.fullName)) {
                    out.add(new PermissionSetGroup(g.fullName, g.label, g.members, g.muting,
                            "org, PermissionSetGroupComponent of " + g.fullName, g.status));
                }
            }
            return out;
        }

        List<OrgAccess.OrgUser> orgUsers() {
            List<OrgAccess.OrgUser> out = new ArrayList<>();
            for (Builder b : byUsername.values()) {
                out.add(b.found ? new OrgAccess.OrgUser(b.username, b.id, b.status, b.userType, b.profile,
                        b.profileFullName, b.userLicense, b.userLicenseKey, b.permissionSets, b.groups,
                        b.permissionSetLicenses) : OrgAccess.OrgUser.notFound(b.username));
            }
            return out;
        }

        List<OrgAccess.Gap> gaps() {
            return gaps;
        }

        private static void addOnce(List<String> list, String value) {
            if (value != null && !containsIgnoreCase(list, value)) {
                list.add(value);
            }
        }

        private static boolean containsIgnoreCase(List<String> list, String value) {
            return list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
        }
    }

    private static final class Builder {
        final String username;
        boolean found;
        String id;
        UserSetup.Status status = UserSetup.Status.NOT_FOUND;
        String userType;
        String profile;
        String profileFullName;
        String userLicense;
        String userLicenseKey;
        final List<String> permissionSets = new ArrayList<>();
        final List<String> groups = new ArrayList<>();
        final List<String> permissionSetLicenses = new ArrayList<>();

        Builder(String username) {
            this.username = username;
        }
    }

    private static final class GroupBuilder {
        final String fullName;
        String label;
        String status;
        final List<String> members = new ArrayList<>();
        final List<String> muting = new ArrayList<>();

        GroupBuilder(String fullName) {
            this.fullName = fullName;
        }
    }
}
