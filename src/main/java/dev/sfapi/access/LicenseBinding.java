package dev.sfapi.access;

/**
 * A permission set that is bound to a license (its {@code <license>}, or {@code <userLicense>} before
 * API 38), and whether the user holds that license.
 *
 * @param permissionSet the set's name
 * @param group         the group it came through, or null when assigned directly
 * @param license       the license it is bound to, as written in its metadata
 * @param fit           whether the user holds it
 * @param origin        where the set's metadata was read from
 */
public record LicenseBinding(String permissionSet, String group, String license, LicenseFit fit, String origin) {
}
