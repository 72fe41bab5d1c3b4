package dev.sfapi.license;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which objects a catalogue entry speaks for: a list of named objects, every standard object, every
 * custom object ({@code __c}, {@code __mdt}, {@code __e}, {@code __x}, {@code __b}), or every object.
 * Named entries win over class entries for the same license.
 */
public sealed interface ObjectScope permits ObjectScope.Named, ObjectScope.AllStandard, ObjectScope.AllCustom,
        ObjectScope.All {

    boolean covers(String object);

    /** More specific scopes win: named (2) over a class of objects (1) over everything (0). */
    int specificity();

    record Named(Set<String> objects) implements ObjectScope {
        public Named {
            TreeSet<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            s.addAll(objects);
            objects = s;
        }

        @Override
        public boolean covers(String object) {
            return objects.contains(object);
        }

        @Override
        public int specificity() {
            return 2;
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
    }

    /** Custom objects, custom metadata, platform events, external and big objects end in a double-underscore suffix. */
    static boolean isCustom(String object) {
        String o = object.toLowerCase(Locale.ROOT);
        return o.endsWith("__c") || o.endsWith("__mdt") || o.endsWith("__e") || o.endsWith("__x") || o.endsWith("__b");
    }
}
