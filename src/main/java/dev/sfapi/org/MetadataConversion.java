package dev.sfapi.org;

import com.sforce.soap.metadata.PermissionSet;
import com.sforce.soap.metadata.PermissionSetFieldPermissions;
import com.sforce.soap.metadata.PermissionSetObjectPermissions;
import com.sforce.soap.metadata.PermissionSetUserPermission;
import com.sforce.soap.metadata.Profile;
import com.sforce.soap.metadata.ProfileFieldLevelSecurity;
import com.sforce.soap.metadata.ProfileObjectPermissions;
import com.sforce.soap.metadata.ProfileUserPermission;
import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import dev.sfapi.metadata.MetadataKind;
import dev.sfapi.metadata.PermissionFile;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the force-wsc metadata objects readMetadata returns into the model, with the same meaning the
 * file reader gives the same XML: an entry with every flag false is "listed, nothing granted", the
 * same object twice counts with the union of its entries, permission dependencies are not applied here.
 *
 * <h2>How complete a profile read this way is</h2>
 * readMetadata returns the whole profile, not the retrieve-package-relative view a {@code retrieve}
 * gives (see docs/org.md for the evidence), so its absences mean "not granted": {@link
 * PermissionFile.Completeness#FULL}, however lean the profile. A lean profile is normal ("Minimum Access -
 * API Only Integrations" grants next to nothing), and the one case known to strip a profile read of its
 * object and field settings cannot reach this code: the Profile reference says viewing them needs View
 * Setup and Configuration, and without it the read has already stopped at PermissionSetGroupComponent,
 * which "only users with the View Setup and Configuration permission can access" (object reference), and
 * which wave 1 always queries.
 */
final class MetadataConversion {

    private MetadataConversion() {
    }

    static PermissionFile profile(Profile p, String origin) {
        Map<String, Set<Operation>> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ProfileObjectPermissions o : nonNull(p.getObjectPermissions(), new ProfileObjectPermissions[0])) {
            merge(objects, o.getObject(), operations(o.getAllowRead(), o.getAllowCreate(), o.getAllowEdit(),
                    o.getAllowDelete(), o.getViewAllRecords(), o.getModifyAllRecords()));
        }
        Map<String, Set<FieldOperation>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ProfileFieldLevelSecurity f : nonNull(p.getFieldPermissions(), new ProfileFieldLevelSecurity[0])) {
            mergeField(fields, f.getField(), fieldOperations(f.getReadable(), f.getEditable()));
        }
        Map<String, Boolean> userPermissions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ProfileUserPermission u : nonNull(p.getUserPermissions(), new ProfileUserPermission[0])) {
            if (u.getName() != null) {
                userPermissions.merge(u.getName(), u.getEnabled(), Boolean::logicalOr);
            }
        }
        return new PermissionFile(MetadataKind.PROFILE, p.getFullName(), null, blankToNull(p.getUserLicense()),
                objects, fields, userPermissions, PermissionFile.Completeness.FULL, origin);
    }

    /** A PermissionSet or (a subclass in wsc) MutingPermissionSet; for a muting set the flags are what it mutes. */
    static PermissionFile permissionSet(PermissionSet s, MetadataKind kind, String origin) {
        Map<String, Set<Operation>> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PermissionSetObjectPermissions o : nonNull(s.getObjectPermissions(),
                new PermissionSetObjectPermissions[0])) {
            merge(objects, o.getObject(), operations(o.getAllowRead(), o.getAllowCreate(), o.getAllowEdit(),
                    o.getAllowDelete(), o.getViewAllRecords(), o.getModifyAllRecords()));
        }
        Map<String, Set<FieldOperation>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PermissionSetFieldPermissions f : nonNull(s.getFieldPermissions(), new PermissionSetFieldPermissions[0])) {
            mergeField(fields, f.getField(), fieldOperations(f.getReadable(), f.getEditable()));
        }
        Map<String, Boolean> userPermissions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (PermissionSetUserPermission u : nonNull(s.getUserPermissions(), new PermissionSetUserPermission[0])) {
            if (u.getName() != null) {
                userPermissions.merge(u.getName(), u.getEnabled(), Boolean::logicalOr);
            }
        }
        String label = s instanceof com.sforce.soap.metadata.MutingPermissionSet m ? m.getLabel() : s.getLabel();
        boolean sessionBased = kind == MetadataKind.PERMISSION_SET && s.getHasActivationRequired();
        return new PermissionFile(kind, s.getFullName(), blankToNull(label), blankToNull(s.getLicense()), objects,
                fields, userPermissions, PermissionFile.Completeness.FULL, origin, sessionBased);
    }

    private static Set<Operation> operations(boolean read, boolean create, boolean edit, boolean delete,
                                             boolean viewAll, boolean modifyAll) {
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        if (read) {
            ops.add(Operation.READ);
        }
        if (create) {
            ops.add(Operation.CREATE);
        }
        if (edit) {
            ops.add(Operation.EDIT);
        }
        if (delete) {
            ops.add(Operation.DELETE);
        }
        if (viewAll) {
            ops.add(Operation.VIEW_ALL);
        }
        if (modifyAll) {
            ops.add(Operation.MODIFY_ALL);
        }
        return ops;
    }

    private static Set<FieldOperation> fieldOperations(boolean readable, boolean editable) {
        Set<FieldOperation> ops = EnumSet.noneOf(FieldOperation.class);
        if (readable) {
            ops.add(FieldOperation.READ);
        }
        if (editable) {
            ops.add(FieldOperation.EDIT);
        }
        return ops;
    }

    private static void merge(Map<String, Set<Operation>> into, String name, Set<Operation> ops) {
        if (name != null && !name.isBlank()) {
            into.merge(name, ops, (a, b) -> {
                Set<Operation> u = EnumSet.noneOf(Operation.class);
                u.addAll(a);
                u.addAll(b);
                return u;
            });
        }
    }

    private static void mergeField(Map<String, Set<FieldOperation>> into, String name, Set<FieldOperation> ops) {
        if (name != null && !name.isBlank()) {
            into.merge(name, ops, (a, b) -> {
                Set<FieldOperation> u = EnumSet.noneOf(FieldOperation.class);
                u.addAll(a);
                u.addAll(b);
                return u;
            });
        }
    }

    private static <T> T[] nonNull(T[] array, T[] empty) {
        return array == null ? empty : array;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
