package dev.sfapi.standin.org;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org a stand-in imitates: who exists, what they hold, and the metadata each component serves.
 * Immutable; build one with {@link #builder()} or load one with {@link OrgFixture}.
 */
public final class OrgModel {

    private final String orgId;
    private final String orgName;
    private final List<String> apiVersions;
    private final int apiLimit;
    private final List<String> jwtAudiences;
    private final Map<String, Object> byId;
    private final List<UserLicense> userLicenses;
    private final List<PermissionSetLicense> permissionSetLicenses;
    private final List<Profile> profiles;
    private final List<PermissionSet> permissionSets;
    private final List<MutingPermissionSet> mutingPermissionSets;
    private final List<PermissionSetGroup> groups;
    private final List<User> users;
    private final Map<String, ConnectedApp> connectedApps;
    private final Map<String, Map<String, MetadataComponent>> metadata;

    OrgModel(String orgId, String orgName, List<String> apiVersions, int apiLimit, List<String> jwtAudiences,
             List<UserLicense> userLicenses, List<PermissionSetLicense> permissionSetLicenses, List<Profile> profiles,
             List<PermissionSet> permissionSets, List<MutingPermissionSet> mutingPermissionSets,
             List<PermissionSetGroup> groups, List<User> users, List<ConnectedApp> connectedApps,
             Map<String, Map<String, MetadataComponent>> metadata) {
        this.orgId = orgId;
        this.orgName = orgName;
        this.apiVersions = List.copyOf(apiVersions);
        this.apiLimit = apiLimit;
        this.jwtAudiences = List.copyOf(jwtAudiences);
        this.userLicenses = List.copyOf(userLicenses);
        this.permissionSetLicenses = List.copyOf(permissionSetLicenses);
        this.profiles = List.copyOf(profiles);
        this.permissionSets = List.copyOf(permissionSets);
        this.mutingPermissionSets = List.copyOf(mutingPermissionSets);
        this.groups = List.copyOf(groups);
        this.users = List.copyOf(users);
        Map<String, ConnectedApp> apps = new LinkedHashMap<>();
        connectedApps.forEach(a -> apps.put(a.clientId(), a));
        this.connectedApps = Map.copyOf(apps);
        Map<String, Map<String, MetadataComponent>> md = new LinkedHashMap<>();
        metadata.forEach((type, byName) -> md.put(type, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName))));
        this.metadata = java.util.Collections.unmodifiableMap(md);
        Map<String, Object> ids = new LinkedHashMap<>();
        userLicenses.forEach(x -> ids.put(x.id(), x));
        permissionSetLicenses.forEach(x -> ids.put(x.id(), x));
        profiles.forEach(x -> ids.put(x.id(), x));
        permissionSets.forEach(x -> ids.put(x.id(), x));
        mutingPermissionSets.forEach(x -> ids.put(x.id(), x));
        groups.forEach(x -> ids.put(x.id(), x));
        users.forEach(x -> ids.put(x.id(), x));
        this.byId = java.util.Collections.unmodifiableMap(ids);
    }

    public static OrgModelBuilder builder() {
        return new OrgModelBuilder();
    }

    public String orgId() {
        return orgId;
    }

    public String orgName() {
        return orgName;
    }

    /** API versions the org answers on, e.g. {@code ["62.0"]}; any other version is refused. */
    public List<String> apiVersions() {
        return apiVersions;
    }

    public boolean servesVersion(String version) {
        return apiVersions.contains(version);
    }

    /** The daily API request limit Sforce-Limit-Info reports. */
    public int apiLimit() {
        return apiLimit;
    }

    /** The {@code aud} values the JWT bearer flow accepts. */
    public List<String> jwtAudiences() {
        return jwtAudiences;
    }

    public List<UserLicense> userLicenses() {
        return userLicenses;
    }

    public List<PermissionSetLicense> permissionSetLicenses() {
        return permissionSetLicenses;
    }

    public List<Profile> profiles() {
        return profiles;
    }

    /** Every PermissionSet row, including profile-owned and group aggregate sets. */
    public List<PermissionSet> permissionSets() {
        return permissionSets;
    }

    public List<MutingPermissionSet> mutingPermissionSets() {
        return mutingPermissionSets;
    }

    public List<PermissionSetGroup> permissionSetGroups() {
        return groups;
    }

    public List<User> users() {
        return users;
    }

    public Optional<User> user(String username) {
        // Usernames are case-insensitive in Salesforce.
        return users.stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
    }

    public Optional<ConnectedApp> connectedApp(String clientId) {
        return Optional.ofNullable(connectedApps.get(clientId));
    }

    public Collection<ConnectedApp> connectedApps() {
        return connectedApps.values();
    }

    /** The entity with this id (UserLicense, Profile, PermissionSet, …), if any. */
    public Optional<Object> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Object hit = byId.get(id);
        if (hit == null && id.length() == 15) {
            hit = byId.entrySet().stream().filter(e -> Ids.same(e.getKey(), id)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return Optional.ofNullable(hit);
    }

    public <T> T get(String id, Class<T> type) {
        return byId(id).filter(type::isInstance).map(type::cast)
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " with id " + id));
    }

    /** The component the Metadata API serves for this type and full name, if any. */
    public Optional<MetadataComponent> metadata(String type, String fullName) {
        Map<String, MetadataComponent> ofType = metadata.get(type);
        return ofType == null ? Optional.empty() : Optional.ofNullable(ofType.get(fullName));
    }

    /** Every component of a type, in the order defined (what listMetadata lists). */
    public Collection<MetadataComponent> metadata(String type) {
        Map<String, MetadataComponent> ofType = metadata.get(type);
        return ofType == null ? List.of() : ofType.values();
    }
}
