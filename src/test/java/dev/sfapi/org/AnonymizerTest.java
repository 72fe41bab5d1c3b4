package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sfapi.access.UserSetup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders are stable, whole-word and cover every place a username or id can appear. */
class AnonymizerTest {

    private static OrgAccess access(List<String> usernames) {
        List<OrgAccess.OrgUser> users = usernames.stream().map(u -> new OrgAccess.OrgUser(u,
                "005XX000001" + Math.abs(u.hashCode() % 10000) + "AAA", UserSetup.Status.ACTIVE, "Standard", "P", "P",
                "Salesforce", "SFDC", List.of(), List.of(), List.of())).toList();
        return new OrgAccess(new OrgAccess.OrgInfo("00DXX0000008abcMAA", "Acme", "acme.my.salesforce.com", "62.0",
                Instant.EPOCH, false), usernames, users, List.of(), List.of(),
                new OrgMetadata("m", List.of(), Map.of(), List.of(), List.of(), List.of()), List.of());
    }

    @Test
    void theSameUsersGetTheSamePlaceholdersWhateverTheOrderOrCase() {
        Anonymizer one = new Anonymizer(access(List.of("b@acme.example", "a@acme.example")));
        Anonymizer two = new Anonymizer(access(List.of("A@ACME.example", "b@acme.example")));
        assertEquals("user-1@example.invalid", one.username("a@acme.example"));
        assertEquals("user-1@example.invalid", two.username("a@acme.example"));
        assertEquals("user-2@example.invalid", one.username("B@Acme.Example"));
    }

    @Test
    void aUsernameInsideALongerAddressIsNotTouched() {
        Anonymizer a = new Anonymizer(access(List.of("a@acme.example", "ba@acme.example")));
        String yaml = "user: ba@acme.example\nuser: a@acme.example\nmail: a@acme.example.org\n";
        assertEquals("user: user-2@example.invalid\nuser: user-1@example.invalid\nmail: a@acme.example.org\n",
                a.declaration(yaml));
    }

    @Test
    void freeTextLosesUsernamesIdsOrgNameAndHost() {
        OrgAccess access = access(List.of("a@acme.example"));
        Anonymizer a = new Anonymizer(access);
        String userId = access.users().get(0).id();
        String text = a.text("user a@acme.example (" + userId + ", " + userId.substring(0, 15) + ") of Acme at "
                + "acme.my.salesforce.com, org 00DXX0000008abcMAA / 00DXX0000008abc");
        for (String original : List.of("a@acme.example", userId.substring(0, 15), "Acme", "acme.my", "00DXX0000008abc")) {
            assertFalse(text.contains(original), original + " in " + text);
        }
        assertEquals("user user-1@example.invalid (005000000000001AAA, 005000000000001) of Anonymized org at "
                + "org.example.invalid, org 00D000000000000AAA / 00D000000000000", text);
    }
}
