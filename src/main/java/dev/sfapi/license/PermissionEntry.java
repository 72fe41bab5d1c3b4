package dev.sfapi.license;

import dev.sfapi.yaml.YamlLocation;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A catalogue row for system (user) permissions: which ones a license lets a permission set or profile
 * grant, and which it never can ("The user license doesn't allow the permission: Customize Application").
 *
 * @param license    the license the row belongs to
 * @param allow      permission API names the license can grant (matched ignoring case, as Salesforce does)
 * @param deny       permission API names it can never grant
 * @param confidence how sure we are
 * @param source     a URL a person can check
 * @param note       may be null
 * @param location   where the row was written
 */
public record PermissionEntry(String license, Set<String> allow, Set<String> deny, Confidence confidence,
                              String source, String note, YamlLocation location) {
    public PermissionEntry {
        allow = caseInsensitive(allow);
        deny = caseInsensitive(deny);
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        TreeSet<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(names);
        return Collections.unmodifiableSortedSet(s);
    }
}
