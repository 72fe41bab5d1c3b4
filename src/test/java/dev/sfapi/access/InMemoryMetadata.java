package dev.sfapi.access;

import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import dev.sfapi.metadata.MetadataKind;
import dev.sfapi.metadata.MetadataSource;
import dev.sfapi.metadata.PermissionFile;
import dev.sfapi.metadata.PermissionSetGroup;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Metadata built in a test, so each access rule can be shown with the smallest possible files. */
public final class InMemoryMetadata implements MetadataSource {

    private final Map<String, PermissionFile> profiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, PermissionFile> sets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, PermissionFile> mutings = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, PermissionSetGroup> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public InMemoryMetadata add(PermissionFile file) {
        switch (file.kind()) {
            case PROFILE -> profiles.put(file.fullName(), file);
            case PERMISSION_SET -> sets.put(file.fullName(), file);
            case MUTING_PERMISSION_SET -> mutings.put(file.fullName(), file);
            default -> throw new IllegalArgumentException(file.kind().toString());
        }
        return this;
    }

    public InMemoryMetadata group(String name, java.util.List<String> members, java.util.List<String> muting) {
        groups.put(name, new PermissionSetGroup(name, name, members, muting, "test:" + name));
        return this;
    }

    @Override
    public String describe() {
        return "test metadata";
    }

    @Override
    public Optional<PermissionFile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    @Override
    public Optional<PermissionFile> permissionSet(String name) {
        return Optional.ofNullable(sets.get(name));
    }

    @Override
    public Optional<PermissionSetGroup> permissionSetGroup(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    @Override
    public Optional<PermissionFile> mutingPermissionSet(String name) {
        return Optional.ofNullable(mutings.get(name));
    }

    @Override
    public Set<String> names(MetadataKind kind) {
        return switch (kind) {
            case PROFILE -> profiles.keySet();
            case PERMISSION_SET -> sets.keySet();
            case PERMISSION_SET_GROUP -> groups.keySet();
            case MUTING_PERMISSION_SET -> mutings.keySet();
        };
    }

    /** A fluent builder for one file. */
    public static File file(MetadataKind kind, String name) {
        return new File(kind, name);
    }

    public static final class File {
        private final MetadataKind kind;
        private final String name;
        private String license;
        private final Map<String, Set<Operation>> objects = new LinkedHashMap<>();
        private final Map<String, Set<FieldOperation>> fields = new LinkedHashMap<>();
        private final Map<String, Boolean> perms = new HashMap<>();
        private PermissionFile.Completeness completeness;

        File(MetadataKind kind, String name) {
            this.kind = kind;
            this.name = name;
            this.completeness = kind == MetadataKind.PROFILE
                    ? PermissionFile.Completeness.SOURCE_PROFILE : PermissionFile.Completeness.FULL;
        }

        public File license(String license) {
            this.license = license;
            return this;
        }

        public File object(String object, Operation... ops) {
            Set<Operation> s = EnumSet.noneOf(Operation.class);
            s.addAll(java.util.List.of(ops));
            objects.put(object, s);
            return this;
        }

        public File field(String field, FieldOperation... ops) {
            Set<FieldOperation> s = EnumSet.noneOf(FieldOperation.class);
            s.addAll(java.util.List.of(ops));
            fields.put(field, s);
            return this;
        }

        public File permission(String name, boolean enabled) {
            perms.put(name, enabled);
            return this;
        }

        public File complete() {
            completeness = PermissionFile.Completeness.FULL;
            return this;
        }

        public PermissionFile build() {
            return new PermissionFile(kind, name, name, license, objects, fields, perms, completeness, "test:" + name);
        }
    }
}
