package dev.sfapi.standin.org;

/** A user license (SOQL object UserLicense): {@code name} is what profiles' {@code <userLicense>} says. */
public record UserLicense(String id, String name, String definitionKey, int totalLicenses) {
}
