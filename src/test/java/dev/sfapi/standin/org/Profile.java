package dev.sfapi.standin.org;

/**
 * A profile. {@code fullName} is its Metadata API name ({@code Admin}, {@code Custom%3A Sales});
 * {@code name} is what SOQL's Profile.Name shows ("System Administrator", "Custom: Sales").
 * Every profile owns one permission set ({@code ownedPermissionSetId}), as in a real org.
 */
public record Profile(String id, String fullName, String name, UserLicense userLicense, String ownedPermissionSetId,
                      MetadataDocument metadata) {
}
