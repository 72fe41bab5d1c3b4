package dev.sfapi.org;

import dev.sfapi.metadata.MetadataKind;
import dev.sfapi.metadata.MetadataSource;
import dev.sfapi.metadata.PermissionFile;
import dev.sfapi.metadata.PermissionSetGroup;
import dev.sfapi.metadata.ProfileNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metadata read from an org (or a snapshot of it), as a {@link MetadataSource}. Holds only the
 * components the requested users hold. Profiles are found by full name ({@code Admin},
 * {@code Custom%3A Sales}) or by the name Setup shows, including labels the built-in table of
 * {@link ProfileNames} doesn't know: the org told us which label belongs to which full name.
 * Immutable and thread-safe.
 */
public final class OrgMetadata implements MetadataSource {

    private final String description;
    private final Map<String, PermissionFile> profiles = new LinkedHashMap<>();
    private final Map<String, String> profileLabels;
    private final Map<String, PermissionFile> permissionSets;
    private final Map<String, PermissionSetGroup> groups;
    private final Map<String, PermissionFile> mutingSets;
    private final List<PermissionSetGroup> groupMetadata;

    /**
     * @param description   for messages ("metadata read from org Acme (00D…)")
     * @param profiles      profiles by whatever order; keyed by full name
     * @param profileLabels profile label (Profile.Name) → full name, for every profile a user holds
     */
    public OrgMetadata(String description, List<PermissionFile> profiles, Map<String, String> profileLabels,
                       List<PermissionFile> permissionSets, List<PermissionSetGroup> groups,
                       List<PermissionFile> mutingSets) {
        this(description, profiles, profileLabels, permissionSets, groups, mutingSets, List.of());
    }

    /**
     * @param groups        the groups the checks use: members and muting sets from PermissionSetGroupComponent,
     *                      only those whose metadata confirms them (status Updated, the same lists)
     * @param groupMetadata every group's PermissionSetGroup metadata as readMetadata returned it, with its
     *                      status, for the record (snapshots keep it)
     */
    public OrgMetadata(String description, List<PermissionFile> profiles, Map<String, String> profileLabels,
                       List<PermissionFile> permissionSets, List<PermissionSetGroup> groups,
                       List<PermissionFile> mutingSets, List<PermissionSetGroup> groupMetadata) {
        this.groupMetadata = List.copyOf(groupMetadata);
        this.description = description;
        for (PermissionFile p : profiles) {
            this.profiles.put(ProfileNames.key(p.fullName()), p);
        }
        TreeMap<String, String> labels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        labels.putAll(profileLabels);
        this.profileLabels = Collections.unmodifiableMap(labels);
        this.permissionSets = byName(permissionSets);
        this.mutingSets = byName(mutingSets);
        TreeMap<String, PermissionSetGroup> g = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        groups.forEach(x -> g.put(x.fullName(), x));
        this.groups = Collections.unmodifiableMap(g);
    }

    private static Map<String, PermissionFile> byName(List<PermissionFile> files) {
        TreeMap<String, PermissionFile> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        files.forEach(f -> m.put(f.fullName(), f));
        return Collections.unmodifiableMap(m);
    }

    /** The same metadata under another description (a snapshot describes itself differently). */
    public OrgMetadata describedAs(String newDescription) {
        return new OrgMetadata(newDescription, profiles(), profileLabels, permissionSets(), groups(),
                mutingPermissionSets(), groupMetadata);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Optional<PermissionFile> profile(String name) {
        PermissionFile direct = profiles.get(ProfileNames.key(name));
        if (direct != null) {
            return Optional.of(direct);
        }
        String fullName = profileLabels.get(name.trim());
        return fullName == null ? Optional.empty() : Optional.ofNullable(profiles.get(ProfileNames.key(fullName)));
    }

    @Override
    public Optional<PermissionFile> permissionSet(String name) {
        return Optional.ofNullable(permissionSets.get(name.trim()));
    }

    @Override
    public Optional<PermissionSetGroup> permissionSetGroup(String name) {
        return Optional.ofNullable(groups.get(name.trim()));
    }

    @Override
    public Optional<PermissionFile> mutingPermissionSet(String name) {
        return Optional.ofNullable(mutingSets.get(name.trim()));
    }

    @Override
    public Set<String> names(MetadataKind kind) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        switch (kind) {
            case PROFILE -> {
                profiles.values().forEach(p -> out.add(ProfileNames.label(p.fullName())));
                out.addAll(profileLabels.keySet());
            }
            case PERMISSION_SET -> out.addAll(permissionSets.keySet());
            case PERMISSION_SET_GROUP -> out.addAll(groups.keySet());
            case MUTING_PERMISSION_SET -> out.addAll(mutingSets.keySet());
        }
        return out;
    }

    public List<PermissionFile> profiles() {
        return List.copyOf(profiles.values());
    }

    /** Profile label (as Setup shows it) → full name. */
    public Map<String, String> profileLabels() {
        return profileLabels;
    }

    public List<PermissionFile> permissionSets() {
        return List.copyOf(permissionSets.values());
    }

    public List<PermissionSetGroup> groups() {
        return List.copyOf(groups.values());
    }

    public List<PermissionFile> mutingPermissionSets() {
        return List.copyOf(mutingSets.values());
    }

    /** The PermissionSetGroup metadata read for the users' groups, with their status. */
    public List<PermissionSetGroup> groupMetadata() {
        return groupMetadata;
    }
}
