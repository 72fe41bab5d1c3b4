package dev.sfapi.org;

import dev.sfapi.access.UserSetup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an org says about a set of users: who they are and what they hold, the org's license seat
 * counts, and the Profile / PermissionSet / PermissionSetGroup / MutingPermissionSet metadata that
 * decides their access. Read live by {@link OrgAccessReader}, or loaded from a file by
 * {@link SnapshotFile}; validation treats both the same.
 *
 * @param org                   which org, when, through which API version
 * @param requestedUsernames    the usernames asked for, in the order asked (a snapshot covers exactly these)
 * @param users                 one per requested username, unknown ones with status NOT_FOUND
 * @param userLicenses          every user license of the org with its seats
 * @param permissionSetLicenses every permission set license of the org with its seats
 * @param metadata              the metadata of everything those users hold
 * @param gaps                  what the org listed but could not be read (never silently dropped)
 */
public record OrgAccess(OrgInfo org, List<String> requestedUsernames, List<OrgUser> users,
                        List<LicenseSeats> userLicenses, List<LicenseSeats> permissionSetLicenses,
                        OrgMetadata metadata, List<Gap> gaps) {

    public OrgAccess {
        requestedUsernames = List.copyOf(requestedUsernames);
        users = List.copyOf(users);
        userLicenses = List.copyOf(userLicenses);
        permissionSetLicenses = List.copyOf(permissionSetLicenses);
        gaps = List.copyOf(gaps);
    }

    /**
     * The org and the read.
     *
     * @param orgId        the 18-character org id (a placeholder when anonymized)
     * @param orgName      the organization's name
     * @param instanceHost the host the data came from ({@code acme.my.salesforce.com})
     * @param apiVersion   the API version of the queries; the metadata is always read with the jar's schema version
     * @param retrievedAt  when the read finished
     * @param anonymized   whether usernames, ids, org name and host were replaced by placeholders
     */
    public record OrgInfo(String orgId, String orgName, String instanceHost, String apiVersion, Instant retrievedAt,
                          boolean anonymized) {

        /** "Acme (00D…, acme.my.salesforce.com)". */
        public String describe() {
            return (orgName == null ? "org" : orgName) + " (" + orgId + ", " + instanceHost + ")";
        }
    }

    /**
     * One user as the org has it.
     *
     * @param username              as requested (so it matches the declaration), or as the org spells it
     * @param id                    the User id; null when not found
     * @param status                active, inactive, frozen or not found
     * @param userType              {@code Standard}, {@code PowerPartner}, …; null when not found
     * @param profile               the profile's name as Setup shows it (Profile.Name)
     * @param profileFullName       the profile's Metadata API full name (from listMetadata); null if unknown
     * @param userLicense           the profile's user license name (Profile.UserLicense.Name)
     * @param userLicenseKey        its LicenseDefinitionKey
     * @param permissionSets        directly assigned permission sets, full names ({@code ns__Name})
     * @param permissionSetGroups   assigned groups, full names
     * @param permissionSetLicenses assigned permission set licenses, developer names
     */
    public record OrgUser(String username, String id, UserSetup.Status status, String userType, String profile,
                          String profileFullName, String userLicense, String userLicenseKey,
                          List<String> permissionSets, List<String> permissionSetGroups,
                          List<String> permissionSetLicenses) {

        public OrgUser {
            permissionSets = List.copyOf(permissionSets);
            permissionSetGroups = List.copyOf(permissionSetGroups);
            permissionSetLicenses = List.copyOf(permissionSetLicenses);
        }

        static OrgUser notFound(String username) {
            return new OrgUser(username, null, UserSetup.Status.NOT_FOUND, null, null, null, null, null, List.of(),
                    List.of(), List.of());
        }
    }

    /**
     * A user license or permission set license and its seats.
     *
     * @param name  UserLicense.Name, or PermissionSetLicense.DeveloperName
     * @param key   UserLicense.LicenseDefinitionKey; null for a permission set license
     * @param label MasterLabel
     * @param total TotalLicenses
     * @param used  UsedLicenses
     */
    public record LicenseSeats(String name, String key, String label, int total, int used) {
    }

    /**
     * Something the org named that could not be read or judged: a component readMetadata returned empty,
     * a profile listMetadata didn't list, a session-based permission set. Reported as a warning.
     *
     * @param username the user concerned, or null for several
     * @param subject  what it is about ("permission set 'X'")
     * @param reason   what happened
     * @param fix      what to do
     */
    public record Gap(String username, String subject, String reason, String fix) {
    }

    /** The users as the checks take them: by username (case-insensitive), the org being the truth. */
    public Map<String, UserSetup> userSetups() {
        Map<String, UserSetup> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String origin = org.anonymized() ? "org (anonymized snapshot)" : "org " + org.orgId();
        for (OrgUser u : users) {
            out.put(u.username(), new UserSetup(u.username(), u.status(), u.profile(), u.userLicense(),
                    u.permissionSets(), u.permissionSetGroups(), u.permissionSetLicenses(), origin));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The user with this username (any case). */
    public Optional<OrgUser> user(String username) {
        String wanted = username.trim().toLowerCase(Locale.ROOT);
        return users.stream().filter(u -> u.username().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** Requested usernames this access data does not cover (case-insensitive), in the order given. */
    public List<String> notCovered(List<String> usernames) {
        List<String> missing = new ArrayList<>();
        for (String u : usernames) {
            if (requestedUsernames.stream().noneMatch(r -> r.equalsIgnoreCase(u.trim()))) {
                missing.add(u);
            }
        }
        return missing;
    }
}
