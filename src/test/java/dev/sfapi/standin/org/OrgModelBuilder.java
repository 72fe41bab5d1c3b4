package dev.sfapi.standin.org;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds an {@link OrgModel}. Names refer to each other (a user names its profile's full name, a
 * group names its permission sets); {@link #build()} resolves them, assigns ids and reports every
 * dangling name at once. Values not given are taken from the component's metadata document where a
 * real org would show the same thing (a profile's user license, a permission set's label and license,
 * a group's members), so SOQL and the Metadata API never disagree.
 */
public final class OrgModelBuilder {

    private String orgId;
    private String orgName = "Stand-in Org";
    private List<String> apiVersions = List.of("62.0");
    private int apiLimit = 15_000;
    private List<String> jwtAudiences = List.of("https://login.salesforce.com");
    private final List<UserLicenseSpec> userLicenses = new ArrayList<>();
    private final List<PslSpec> psls = new ArrayList<>();
    private final List<ProfileSpec> profiles = new ArrayList<>();
    private final List<PermissionSetSpec> permissionSets = new ArrayList<>();
    private final List<MutingSpec> mutingSets = new ArrayList<>();
    private final List<GroupSpec> groups = new ArrayList<>();
    private final List<UserSpec> users = new ArrayList<>();
    private final List<ConnectedAppSpec> apps = new ArrayList<>();
    private final List<MetadataComponentSpec> extraMetadata = new ArrayList<>();

    OrgModelBuilder() {
    }

    public OrgModelBuilder orgId(String id) {
        this.orgId = id;
        return this;
    }

    public OrgModelBuilder orgName(String name) {
        this.orgName = name;
        return this;
    }

    /** The API versions served (default only {@code 62.0}, the version of the force-wsc jars). */
    public OrgModelBuilder apiVersions(String... versions) {
        this.apiVersions = List.of(versions);
        return this;
    }

    public OrgModelBuilder apiLimit(int limit) {
        this.apiLimit = limit;
        return this;
    }

    /** Accepted JWT {@code aud} values (default {@code https://login.salesforce.com}). */
    public OrgModelBuilder jwtAudiences(String... audiences) {
        this.jwtAudiences = List.of(audiences);
        return this;
    }

    public OrgModelBuilder userLicense(String name, String definitionKey) {
        return userLicense(name, definitionKey, 10);
    }

    public OrgModelBuilder userLicense(String name, String definitionKey, int total) {
        userLicenses.add(new UserLicenseSpec(name, definitionKey, total));
        return this;
    }

    public OrgModelBuilder permissionSetLicense(String developerName, String label) {
        return permissionSetLicense(developerName, label, 10);
    }

    public OrgModelBuilder permissionSetLicense(String developerName, String label, int total) {
        psls.add(new PslSpec(developerName, label, total));
        return this;
    }

    public OrgModelBuilder profile(String fullName, Consumer<ProfileSpec> spec) {
        ProfileSpec p = new ProfileSpec(fullName);
        spec.accept(p);
        profiles.add(p);
        return this;
    }

    public OrgModelBuilder permissionSet(String fullName, Consumer<PermissionSetSpec> spec) {
        PermissionSetSpec p = new PermissionSetSpec(fullName);
        spec.accept(p);
        permissionSets.add(p);
        return this;
    }

    public OrgModelBuilder mutingPermissionSet(String fullName, Consumer<MutingSpec> spec) {
        MutingSpec p = new MutingSpec(fullName);
        spec.accept(p);
        mutingSets.add(p);
        return this;
    }

    public OrgModelBuilder permissionSetGroup(String fullName, Consumer<GroupSpec> spec) {
        GroupSpec p = new GroupSpec(fullName);
        spec.accept(p);
        groups.add(p);
        return this;
    }

    public OrgModelBuilder user(String username, Consumer<UserSpec> spec) {
        UserSpec u = new UserSpec(username);
        spec.accept(u);
        users.add(u);
        return this;
    }

    public OrgModelBuilder connectedApp(String clientId, Consumer<ConnectedAppSpec> spec) {
        ConnectedAppSpec a = new ConnectedAppSpec(clientId);
        spec.accept(a);
        apps.add(a);
        return this;
    }

    /** Any other component readMetadata should serve (e.g. a CustomObject); it gets a made-up id. */
    public OrgModelBuilder metadata(String type, String fullName, MetadataDocument document) {
        extraMetadata.add(new MetadataComponentSpec(type, fullName, document));
        return this;
    }

    // ---------------------------------------------------------------- specs

    record UserLicenseSpec(String name, String key, int total) {
    }

    record PslSpec(String developerName, String label, int total) {
    }

    record MetadataComponentSpec(String type, String fullName, MetadataDocument document) {
    }

    /** A profile: the user license comes from its metadata's {@code <userLicense>} unless given. */
    public static final class ProfileSpec {
        final String fullName;
        String name;
        String userLicense;
        MetadataDocument metadata;

        ProfileSpec(String fullName) {
            this.fullName = fullName;
        }

        /** Profile.Name in SOQL; default: the standard label for standard profiles, else the decoded full name. */
        public ProfileSpec name(String label) {
            this.name = label;
            return this;
        }

        public ProfileSpec userLicense(String licenseName) {
            this.userLicense = licenseName;
            return this;
        }

        public ProfileSpec metadata(MetadataDocument document) {
            this.metadata = document;
            return this;
        }
    }

    /** A permission set: label and license come from its metadata unless given. */
    public static final class PermissionSetSpec {
        final String fullName;
        String label;
        String license;
        MetadataDocument metadata;

        PermissionSetSpec(String fullName) {
            this.fullName = fullName;
        }

        public PermissionSetSpec label(String label) {
            this.label = label;
            return this;
        }

        /** A user license name or a permission set license developer name. */
        public PermissionSetSpec license(String license) {
            this.license = license;
            return this;
        }

        public PermissionSetSpec metadata(MetadataDocument document) {
            this.metadata = document;
            return this;
        }
    }

    public static final class MutingSpec {
        final String fullName;
        String label;
        MetadataDocument metadata;

        MutingSpec(String fullName) {
            this.fullName = fullName;
        }

        public MutingSpec label(String label) {
            this.label = label;
            return this;
        }

        public MutingSpec metadata(MetadataDocument document) {
            this.metadata = document;
            return this;
        }
    }

    /**
     * A permission set group. Members default to the {@code <permissionSets>} and
     * {@code <mutingPermissionSets>} of its metadata; a member not defined elsewhere is created as a
     * permission set (or muting set) without a document of its own.
     */
    public static final class GroupSpec {
        final String fullName;
        String label;
        List<String> permissionSets;
        List<String> mutingPermissionSets;
        MetadataDocument metadata;
        String status;

        GroupSpec(String fullName) {
            this.fullName = fullName;
        }

        public GroupSpec label(String label) {
            this.label = label;
            return this;
        }

        public GroupSpec permissionSets(String... names) {
            this.permissionSets = List.of(names);
            return this;
        }

        public GroupSpec mutingPermissionSets(String... names) {
            this.mutingPermissionSets = List.of(names);
            return this;
        }

        public GroupSpec metadata(MetadataDocument document) {
            this.metadata = document;
            return this;
        }

        /**
         * The recalculation status (Updated, Outdated, Updating, Failed); default: the metadata's
         * {@code <status>}, else Updated. SOQL and readMetadata show the same.
         */
        public GroupSpec status(String status) {
            this.status = status;
            return this;
        }
    }

    public static final class UserSpec {
        final String username;
        String profile;
        boolean active = true;
        boolean frozen;
        String userType = "Standard";
        String firstName;
        String lastName;
        String email;
        String password;
        String securityToken;
        final List<String> permissionSets = new ArrayList<>();
        final List<String> groups = new ArrayList<>();
        final List<String> psls = new ArrayList<>();
        final Map<String, AssignmentState> states = new LinkedHashMap<>();

        UserSpec(String username) {
            this.username = username;
        }

        /** The profile's full name. */
        public UserSpec profile(String fullName) {
            this.profile = fullName;
            return this;
        }

        public UserSpec active(boolean active) {
            this.active = active;
            return this;
        }

        public UserSpec frozen(boolean frozen) {
            this.frozen = frozen;
            return this;
        }

        public UserSpec userType(String userType) {
            this.userType = userType;
            return this;
        }

        public UserSpec name(String first, String last) {
            this.firstName = first;
            this.lastName = last;
            return this;
        }

        public UserSpec email(String email) {
            this.email = email;
            return this;
        }

        /** For SOAP login(): the password; login() expects password + security token. */
        public UserSpec password(String password) {
            this.password = password;
            return this;
        }

        public UserSpec securityToken(String token) {
            this.securityToken = token;
            return this;
        }

        public UserSpec permissionSets(String... fullNames) {
            permissionSets.addAll(Arrays.asList(fullNames));
            return this;
        }

        public UserSpec permissionSetGroups(String... fullNames) {
            groups.addAll(Arrays.asList(fullNames));
            return this;
        }

        public UserSpec permissionSetLicenses(String... developerNames) {
            psls.addAll(Arrays.asList(developerNames));
            return this;
        }

        /**
         * How the assignment of one of this user's permission sets, groups or permission set licenses (by
         * name) stands: expired, revoked or inactive, e.g. {@code a -> a.revoke()}.
         */
        public UserSpec assignment(String name, java.util.function.UnaryOperator<AssignmentState> state) {
            states.put(name, state.apply(states.getOrDefault(name, AssignmentState.PLAIN)));
            return this;
        }
    }

    public static final class ConnectedAppSpec {
        final String clientId;
        String clientSecret;
        PublicKey jwtKey;
        String runAs;
        Set<String> jwtApproved;
        final Map<String, String> refreshTokens = new LinkedHashMap<>();

        ConnectedAppSpec(String clientId) {
            this.clientId = clientId;
        }

        public ConnectedAppSpec clientSecret(String secret) {
            this.clientSecret = secret;
            return this;
        }

        /** Enables the JWT bearer flow with the key of the uploaded certificate. */
        public ConnectedAppSpec jwtPublicKey(PublicKey key) {
            this.jwtKey = key;
            return this;
        }

        /** Enables the client credentials flow, running as this user. */
        public ConnectedAppSpec runAs(String username) {
            this.runAs = username;
            return this;
        }

        /** Only these users are pre-authorized for JWT (default: every user). */
        public ConnectedAppSpec jwtApprovedUsers(String... usernames) {
            this.jwtApproved = new LinkedHashSet<>(Arrays.asList(usernames));
            return this;
        }

        /** A refresh token issued to this app for a user (the SFDX auth URL flow). */
        public ConnectedAppSpec refreshToken(String token, String username) {
            refreshTokens.put(token, username);
            return this;
        }
    }

    // ---------------------------------------------------------------- build

    public OrgModel build() {
        return new Assembly(this).assemble();
    }

    /** One build: assigns ids and resolves names, collecting every problem. */
    private static final class Assembly {
        private final OrgModelBuilder b;
        private final Ids ids = new Ids();
        private final List<String> problems = new ArrayList<>();
        private final Map<String, UserLicense> licensesByName = new LinkedHashMap<>();
        private final Map<String, PermissionSetLicense> pslsByName = new LinkedHashMap<>();
        private final Map<String, Profile> profilesByName = new LinkedHashMap<>();
        private final Map<String, PermissionSet> setsByName = new LinkedHashMap<>();
        private final List<PermissionSet> allSets = new ArrayList<>();
        private final Map<String, MutingPermissionSet> mutingByName = new LinkedHashMap<>();
        private final Map<String, PermissionSetGroup> groupsByName = new LinkedHashMap<>();
        private final List<User> users = new ArrayList<>();
        private final Map<String, Map<String, MetadataComponent>> metadata = new LinkedHashMap<>();

        Assembly(OrgModelBuilder b) {
            this.b = b;
        }

        OrgModel assemble() {
            String orgId = b.orgId != null ? b.orgId : ids.next("00D");
            for (UserLicenseSpec s : b.userLicenses) {
                unique(licensesByName, s.name(), "user license",
                        new UserLicense(ids.next("100"), s.name(), s.key(), s.total()));
            }
            for (PslSpec s : b.psls) {
                unique(pslsByName, s.developerName(), "permission set license",
                        new PermissionSetLicense(ids.next("0PL"), s.developerName(), s.label(), s.total()));
            }
            b.profiles.forEach(this::profile);
            b.permissionSets.forEach(this::permissionSet);
            b.mutingSets.forEach(this::mutingSet);
            b.groups.forEach(this::group);
            b.users.forEach(this::user);
            List<ConnectedApp> apps = new ArrayList<>();
            b.apps.forEach(a -> apps.add(app(a)));
            for (MetadataComponentSpec m : b.extraMetadata) {
                register(m.type(), m.fullName(), ids.next("0XX"), m.document());
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the org fixture is inconsistent:\n  - " + String.join("\n  - ", problems));
            }
            return new OrgModel(orgId, b.orgName, b.apiVersions, b.apiLimit, b.jwtAudiences,
                    List.copyOf(licensesByName.values()), List.copyOf(pslsByName.values()),
                    List.copyOf(profilesByName.values()), allSets, List.copyOf(mutingByName.values()),
                    List.copyOf(groupsByName.values()), users, apps, metadata);
        }

        private void profile(ProfileSpec s) {
            MetadataHints hints = s.userLicense == null && s.metadata != null ? MetadataHints.read(s.metadata) : null;
            String licenseName = s.userLicense != null ? s.userLicense : hints != null ? hints.userLicense() : null;
            UserLicense license = null;
            if (licenseName == null) {
                problems.add("profile '" + s.fullName + "' has no user license: give one or a metadata file with <userLicense>");
            } else {
                license = licensesByName.get(licenseName);
                if (license == null) {
                    problems.add("profile '" + s.fullName + "': user license '" + licenseName
                            + "' is not defined (defined: " + licensesByName.keySet() + ")");
                }
            }
            String id = ids.next("00e");
            String ownedId = ids.next("0PS");
            Profile p = new Profile(id, s.fullName, s.name != null ? s.name : Names.profileLabel(s.fullName), license,
                    ownedId, s.metadata);
            unique(profilesByName, s.fullName, "profile", p);
            // The profile-owned set: generated name "X" + profile id, as real orgs show.
            allSets.add(new PermissionSet(ownedId, "X" + id, p.name(), PermissionSet.Type.PROFILE,
                    license == null ? null : license.id(), id, null, null));
            MetadataDocument doc = s.metadata != null ? s.metadata : GeneratedMetadata.profile(s.fullName, licenseName);
            register("Profile", s.fullName, id, doc);
        }

        private void permissionSet(PermissionSetSpec s) {
            MetadataHints hints = s.metadata != null && (s.label == null || s.license == null) ? MetadataHints.read(s.metadata) : null;
            String label = s.label != null ? s.label : hints != null && hints.label() != null ? hints.label() : s.fullName;
            String licenseName = s.license != null ? s.license : hints != null ? hints.license() : null;
            String licenseId = null;
            if (licenseName != null) {
                if (licensesByName.containsKey(licenseName)) {
                    licenseId = licensesByName.get(licenseName).id();
                } else if (pslsByName.containsKey(licenseName)) {
                    licenseId = pslsByName.get(licenseName).id();
                } else {
                    problems.add("permission set '" + s.fullName + "': license '" + licenseName + "'"
                            + (s.license == null ? " (from its metadata)" : "")
                            + " is neither a defined user license " + licensesByName.keySet()
                            + " nor a permission set license " + pslsByName.keySet());
                }
            }
            addPermissionSet(s.fullName, label, licenseId, licenseName, s.metadata);
        }

        private PermissionSet addPermissionSet(String fullName, String label, String licenseId, String licenseName,
                                               MetadataDocument metadata) {
            PermissionSet ps = new PermissionSet(ids.next("0PS"), fullName, label, PermissionSet.Type.REGULAR, licenseId,
                    null, null, metadata);
            if (unique(setsByName, fullName, "permission set", ps)) {
                allSets.add(ps);
                register("PermissionSet", fullName, ps.id(),
                        metadata != null ? metadata : GeneratedMetadata.permissionSet(label, licenseName));
            }
            return ps;
        }

        private void mutingSet(MutingSpec s) {
            MetadataHints hints = s.metadata != null && s.label == null ? MetadataHints.read(s.metadata) : null;
            String label = s.label != null ? s.label : hints != null && hints.label() != null ? hints.label() : s.fullName;
            addMutingSet(s.fullName, label, s.metadata);
        }

        private MutingPermissionSet addMutingSet(String fullName, String label, MetadataDocument metadata) {
            MutingPermissionSet m = new MutingPermissionSet(ids.next("0QM"), fullName, label, metadata);
            if (unique(mutingByName, fullName, "muting permission set", m)) {
                register("MutingPermissionSet", fullName, m.id(),
                        metadata != null ? metadata : GeneratedMetadata.mutingPermissionSet(label));
            }
            return m;
        }

        private void group(GroupSpec s) {
            MetadataHints hints = s.metadata != null ? MetadataHints.read(s.metadata) : null;
            String label = s.label != null ? s.label : hints != null && hints.label() != null ? hints.label() : s.fullName;
            List<String> memberNames = s.permissionSets != null ? s.permissionSets
                    : hints != null ? hints.permissionSets() : List.of();
            List<String> mutingNames = s.mutingPermissionSets != null ? s.mutingPermissionSets
                    : hints != null ? hints.mutingPermissionSets() : List.of();
            List<String> memberIds = new ArrayList<>();
            for (String name : memberNames) {
                PermissionSet ps = setsByName.get(name);
                // A member nobody defined (typically a managed package's set) still exists in the org.
                memberIds.add(ps != null ? ps.id() : addPermissionSet(name, name, null, null, null).id());
            }
            List<String> mutingIds = new ArrayList<>();
            for (String name : mutingNames) {
                MutingPermissionSet m = mutingByName.get(name);
                mutingIds.add(m != null ? m.id() : addMutingSet(name, name, null).id());
            }
            String id = ids.next("0PG");
            String aggregateId = ids.next("0PS");
            String status = s.status != null ? s.status
                    : hints != null && hints.status() != null ? hints.status() : "Updated";
            MetadataDocument doc = s.metadata == null ? GeneratedMetadata.group(label, memberNames, mutingNames, status)
                    : s.status == null ? s.metadata : GeneratedMetadata.withStatus(s.metadata, status);
            PermissionSetGroup g = new PermissionSetGroup(id, s.fullName, label, memberIds, mutingIds, aggregateId,
                    s.metadata, status);
            if (unique(groupsByName, s.fullName, "permission set group", g)) {
                // The group's aggregate permission set; its generated name is made up [?].
                allSets.add(new PermissionSet(aggregateId, Names.withoutNamespace(s.fullName) + "_Group_" + id.substring(10, 15),
                        label, PermissionSet.Type.GROUP, null, null, id, null));
                register("PermissionSetGroup", s.fullName, id, doc);
            }
        }

        private void user(UserSpec s) {
            String where = "user '" + s.username + "'";
            Profile profile = null;
            if (s.profile == null) {
                problems.add(where + " has no profile");
            } else {
                profile = profilesByName.get(s.profile);
                if (profile == null) {
                    String byLabel = profilesByName.values().stream().filter(p -> p.name().equals(s.profile))
                            .map(Profile::fullName).findFirst().map(f -> " (that is the label of '" + f + "'; use the full name)")
                            .orElse(" (defined: " + profilesByName.keySet() + ")");
                    problems.add(where + ": profile '" + s.profile + "' is not defined" + byLabel);
                }
            }
            List<String> setIds = resolve(s.permissionSets, setsByName, where, "permission set").stream()
                    .map(PermissionSet::id).toList();
            List<String> groupIds = resolve(s.groups, groupsByName, where, "permission set group").stream()
                    .map(PermissionSetGroup::id).toList();
            List<String> pslIds = resolve(s.psls, pslsByName, where, "permission set license").stream()
                    .map(PermissionSetLicense::id).toList();
            String first = s.firstName != null ? s.firstName : "";
            String last = s.lastName != null ? s.lastName : s.username.substring(0, Math.max(1, s.username.indexOf('@')));
            if (users.stream().anyMatch(u -> u.username().equalsIgnoreCase(s.username))) {
                problems.add(where + " is defined twice");
                return;
            }
            Map<String, AssignmentState> states = new LinkedHashMap<>();
            s.states.forEach((name, state) -> {
                String id = s.permissionSets.contains(name) && setsByName.containsKey(name) ? setsByName.get(name).id()
                        : s.groups.contains(name) && groupsByName.containsKey(name) ? groupsByName.get(name).id()
                        : s.psls.contains(name) && pslsByName.containsKey(name) ? pslsByName.get(name).id() : null;
                if (id == null) {
                    problems.add(where + ": the assignment of '" + name + "' has a state, but the user holds no"
                            + " permission set, group or permission set license of that name");
                } else {
                    states.put(id, state);
                }
            });
            users.add(new User(ids.next("005"), s.username, first, last, s.email != null ? s.email : s.username, s.active,
                    s.frozen, s.userType, profile == null ? null : profile.id(), setIds, groupIds, pslIds, s.password,
                    s.securityToken, ids.next("060"), states));
        }

        private ConnectedApp app(ConnectedAppSpec a) {
            if (a.runAs != null && users.stream().noneMatch(u -> u.username().equalsIgnoreCase(a.runAs))) {
                problems.add("connected app '" + a.clientId + "': run-as user '" + a.runAs + "' is not defined");
            }
            a.refreshTokens.values().stream().filter(u -> users.stream().noneMatch(x -> x.username().equalsIgnoreCase(u)))
                    .forEach(u -> problems.add("connected app '" + a.clientId + "': a refresh token names unknown user '" + u + "'"));
            return new ConnectedApp(a.clientId, a.clientSecret, a.jwtKey, a.runAs, a.jwtApproved, a.refreshTokens);
        }

        private <T> List<T> resolve(List<String> names, Map<String, T> defined, String where, String what) {
            List<T> out = new ArrayList<>();
            for (String n : names) {
                T hit = defined.get(n);
                if (hit == null) {
                    problems.add(where + ": " + what + " '" + n + "' is not defined (defined: " + defined.keySet() + ")");
                } else {
                    out.add(hit);
                }
            }
            return out;
        }

        private <T> boolean unique(Map<String, T> map, String key, String what, T value) {
            if (map.containsKey(key)) {
                problems.add(what + " '" + key + "' is defined twice");
                return false;
            }
            map.put(key, value);
            return true;
        }

        private void register(String type, String fullName, String id, MetadataDocument doc) {
            metadata.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(fullName, new MetadataComponent(type, fullName, id, doc));
        }
    }
}
