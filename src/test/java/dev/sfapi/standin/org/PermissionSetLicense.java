package dev.sfapi.standin.org;

/** A permission set license: {@code developerName} is what a permission set's {@code <license>} says. */
public record PermissionSetLicense(String id, String developerName, String label, int totalLicenses) {
}
