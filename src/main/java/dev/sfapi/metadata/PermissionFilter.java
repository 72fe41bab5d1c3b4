package dev.sfapi.metadata;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which object and field entries the reader keeps. A 4 MB profile lists thousands of fields while an
 * integration declares a handful; keeping only the declared ones keeps memory flat in file size.
 *
 * <p>System permissions ({@code <userPermissions>}) are always kept in full: there are at most a few
 * hundred, {@code ModifyAllData} / {@code ViewAllData} grant object access on their own, and
 * {@link PermissionFile.Completeness#SOURCE_PROFILE} relies on seeing whether a profile lists any
 * at all.
 *
 * <p>Names are matched case-insensitively, after {@code %%%NAMESPACE%%%} tokens are removed.
 */
public final class PermissionFilter {

    /** Keeps every entry. */
    public static final PermissionFilter ALL = new PermissionFilter(null, null);

    private final Set<String> objects;
    private final Set<String> fields;

    private PermissionFilter(Set<String> objects, Set<String> fields) {
        this.objects = objects;
        this.fields = fields;
    }

    /**
     * Keeps only these objects and {@code Object.Field} fields. The object of every listed field is kept
     * too, because field access is judged together with access to its object.
     */
    public static PermissionFilter only(Collection<String> objects, Collection<String> fields) {
        TreeSet<String> o = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> f = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String object : objects) {
            o.add(MetadataReader.withoutNamespaceToken(object.trim()));
        }
        for (String field : fields) {
            String name = MetadataReader.withoutNamespaceToken(field.trim());
            f.add(name);
            int dot = name.indexOf('.');
            if (dot > 0) {
                o.add(name.substring(0, dot));
            }
        }
        return new PermissionFilter(Collections.unmodifiableSet(o), Collections.unmodifiableSet(f));
    }

    public boolean keepsEverything() {
        return objects == null;
    }

    public boolean keepsObject(String object) {
        return objects == null || objects.contains(object);
    }

    public boolean keepsField(String field) {
        return fields == null || fields.contains(field);
    }

    @Override
    public String toString() {
        return objects == null ? "all entries" : "objects " + objects + ", fields " + fields;
    }
}
