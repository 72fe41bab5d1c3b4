package dev.sfapi.declaration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Field-level security: Read Access and Edit Access. Edit needs read. */
public enum FieldOperation {
    READ("read", "Read Access", "readable"),
    EDIT("edit", "Edit Access", "editable");

    private final String keyword;
    private final String label;
    private final String metadataElement;

    FieldOperation(String keyword, String label, String metadataElement) {
        this.keyword = keyword;
        this.label = label;
        this.metadataElement = metadataElement;
    }

    public String keyword() {
        return keyword;
    }

    public String label() {
        return label;
    }

    /** The element inside {@code <fieldPermissions>}: readable or editable. */
    public String metadataElement() {
        return metadataElement;
    }

    /** The object operation a field operation needs on its object (read for read, edit for edit). */
    public Operation objectOperation() {
        return this == READ ? Operation.READ : Operation.EDIT;
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(FieldOperation::keyword).toList();
    }

    public static Optional<FieldOperation> fromKeyword(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (FieldOperation o : values()) {
            if (o.keyword.equals(w)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
