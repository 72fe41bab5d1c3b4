package dev.sfapi.license;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which objects a catalogue entry speaks for: a list of named objects, every external object
 * ({@code __x}), every standard object, every custom object ({@code __c}, {@code __mdt}, {@code __e},
 * {@code __x}, {@code __b}), or every object. Named entries win over class entries for the same license.
 *
 * <p>External objects are custom objects too, but Salesforce Platform grants less on them (Read, Create,
 * Edit) than on other custom objects, so they can be spoken for on their own.
 */
public sealed interface ObjectScope permits ObjectScope.Named, ObjectScope.AllExternal, ObjectScope.AllStandard,
        ObjectScope.AllCustom, ObjectScope.All {

    boolean covers(String object);

    /**
     * More specific scopes win: named (3) over external objects (2) over standard or custom objects (1)
     * over everything (0).
     */
    int specificity();

    /** How the catalogue file writes this scope: a list of names, or standard, custom, external, all. */
    String describe();

    record Named(Set<String> objects) implements ObjectScope {
        public Named {
            TreeSet<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            s.addAll(objects);
            objects = java.util.Collections.unmodifiableSortedSet(s);
        }

        @Override
        public boolean covers(String object) {
            return objects.contains(object);
        }

        @Override
        public int specificity() {
            return 3;
        }

        @Override
        public String describe() {
            return String.join(", ", objects);
        }
    }

    record AllExternal() implements ObjectScope {
        @Override
        public boolean covers(String object) {
            return object.toLowerCase(Locale.ROOT).endsWith("__x");
        }

        @Override
        public int specificity() {
            return 2;
        }

        @Override
        public String describe() {
            return "external objects";
        }
    }

    record AllStandard() implements ObjectScope {
        @Override
        public boolean covers(String object) {
            return !isCustom(object);
        }

        @Override
        public int specificity() {
            return 1;
        }

        @Override
        public String describe() {
            return "standard objects";
        }
    }

    record AllCustom() implements ObjectScope {
        @Override
        public boolean covers(String object) {
            return isCustom(object);
        }

        @Override
        public int specificity() {
            return 1;
        }

        @Override
        public String describe() {
            return "custom objects";
        }
    }

    record All() implements ObjectScope {
        @Override
        public boolean covers(String object) {
            return true;
        }

        @Override
        public int specificity() {
            return 0;
        }

        @Override
        public String describe() {
            return "all objects";
        }
    }

    /** Custom objects, custom metadata, platform events, external and big objects end in a double-underscore suffix. */
    static boolean isCustom(String object) {
        String o = object.toLowerCase(Locale.ROOT);
        return o.endsWith("__c") || o.endsWith("__mdt") || o.endsWith("__e") || o.endsWith("__x") || o.endsWith("__b");
    }
}
