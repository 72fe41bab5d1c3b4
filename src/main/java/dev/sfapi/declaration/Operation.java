package dev.sfapi.declaration;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An object permission as Salesforce names it in Setup and in metadata. {@link #keyword()} is the word
 * used in the declaration file; {@link #label()} what Setup shows.
 */
public enum Operation {
    READ("read", "Read", "allowRead"),
    CREATE("create", "Create", "allowCreate"),
    EDIT("edit", "Edit", "allowEdit"),
    DELETE("delete", "Delete", "allowDelete"),
    VIEW_ALL("viewAll", "View All", "viewAllRecords"),
    MODIFY_ALL("modifyAll", "Modify All", "modifyAllRecords");

    private final String keyword;
    private final String label;
    private final String metadataElement;

    Operation(String keyword, String label, String metadataElement) {
        this.keyword = keyword;
        this.label = label;
        this.metadataElement = metadataElement;
    }

    /** The word in sfapi-users.yml: read, create, edit, delete, viewAll, modifyAll. */
    public String keyword() {
        return keyword;
    }

    /** The words Setup uses: Read, Create, Edit, Delete, View All, Modify All. */
    public String label() {
        return label;
    }

    /** The element inside {@code <objectPermissions>}: allowRead, …, modifyAllRecords. */
    public String metadataElement() {
        return metadataElement;
    }

    /**
     * What Salesforce turns on together with this permission (its dependencies): Create, Edit and
     * View All need Read; Delete needs Edit (and so Read); Modify All needs all the others.
     * A source that grants this operation therefore also grants these.
     */
    public Set<Operation> requires() {
        return switch (this) {
            case READ -> EnumSet.noneOf(Operation.class);
            case CREATE, EDIT, VIEW_ALL -> EnumSet.of(READ);
            case DELETE -> EnumSet.of(READ, EDIT);
            case MODIFY_ALL -> EnumSet.of(READ, EDIT, DELETE, VIEW_ALL);
        };
    }

    /** This operation and everything it requires. */
    public Set<Operation> withRequired() {
        Set<Operation> all = EnumSet.of(this);
        all.addAll(requires());
        return all;
    }

    /** Operations that depend on this one (muting or denying this one takes them away too). */
    public Set<Operation> dependents() {
        Set<Operation> out = EnumSet.noneOf(Operation.class);
        for (Operation o : values()) {
            if (o.requires().contains(this)) {
                out.add(o);
            }
        }
        return out;
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(Operation::keyword).toList();
    }

    /** Parses a declaration keyword; case-insensitive, also accepts "view all" / "modify_all". */
    public static Optional<Operation> fromKeyword(String word) {
        String w = word.replace(" ", "").replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        for (Operation o : values()) {
            if (o.keyword.toLowerCase(Locale.ROOT).equals(w)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
