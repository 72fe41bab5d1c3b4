package dev.sfapi.metadata;

import java.util.Optional;

/**
 * The four metadata types that decide a user's access, with their folder and file suffixes in both
 * SFDX source format ({@code profiles/Admin.profile-meta.xml}) and Metadata API format
 * ({@code profiles/Admin.profile}).
 */
public enum MetadataKind {
    PROFILE("Profile", "profiles", "profile"),
    PERMISSION_SET("PermissionSet", "permissionsets", "permissionset"),
    PERMISSION_SET_GROUP("PermissionSetGroup", "permissionsetgroups", "permissionsetgroup"),
    MUTING_PERMISSION_SET("MutingPermissionSet", "mutingpermissionsets", "mutingpermissionset");

    private final String typeName;
    private final String folder;
    private final String suffix;

    MetadataKind(String typeName, String folder, String suffix) {
        this.typeName = typeName;
        this.folder = folder;
        this.suffix = suffix;
    }

    /** The Metadata API type name and the XML root element: Profile, PermissionSet, … */
    public String typeName() {
        return typeName;
    }

    /** The folder name in a source tree: profiles, permissionsets, … */
    public String folder() {
        return folder;
    }

    /** The Metadata API file suffix without the dot: profile, permissionset, … */
    public String suffix() {
        return suffix;
    }

    /** What an admin calls it: "profile", "permission set", … */
    public String label() {
        return switch (this) {
            case PROFILE -> "profile";
            case PERMISSION_SET -> "permission set";
            case PERMISSION_SET_GROUP -> "permission set group";
            case MUTING_PERMISSION_SET -> "muting permission set";
        };
    }

    /** The kind a file belongs to, by its name ({@code X.profile} or {@code X.profile-meta.xml}). */
    public static Optional<MetadataKind> ofFileName(String fileName) {
        for (MetadataKind k : values()) {
            if (fileName.endsWith("." + k.suffix) || fileName.endsWith("." + k.suffix + "-meta.xml")) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The component's full name from its file name, still percent-encoded as Salesforce writes it. */
    public String fullNameOf(String fileName) {
        String s = fileName;
        if (s.endsWith("-meta.xml")) {
            s = s.substring(0, s.length() - "-meta.xml".length());
        }
        String dotSuffix = "." + suffix;
        if (s.endsWith(dotSuffix)) {
            s = s.substring(0, s.length() - dotSuffix.length());
        }
        return s;
    }
}
