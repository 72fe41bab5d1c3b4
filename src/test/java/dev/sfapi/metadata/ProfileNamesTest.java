package dev.sfapi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "System Administrator   | Admin",
        "Standard User          | Standard",
        "Standard Platform User | StandardAul",
        "Read Only              | ReadOnly",
        "Solution Manager       | SolutionManager",
        "Marketing User         | MarketingProfile",
        "Contract Manager       | ContractManager",
        "Chatter Moderator User | ChatterModerator",
    })
    void standardProfilesHaveInternalFullNames(String label, String fullName) {
        assertEquals(fullName, ProfileNames.fullName(label));
        assertEquals(label, ProfileNames.label(fullName));
        assertTrue(ProfileNames.same(label, fullName));
        assertTrue(ProfileNames.same(label.toUpperCase(), fullName.toLowerCase()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Custom: Support Profile                   | Custom%3A Support Profile",
        "Force.com - App Subscription User         | Force%2Ecom - App Subscription User",
        "ISS Portal (Partner)                      | ISS Portal %28Partner%29",
        "System Administrator (non-API user)       | System Administrator %28non-API user%29",
        "Appirio EM's, CP's, SA's, TA's, PM's      | Appirio EM%27s%2C CP%27s%2C SA%27s%2C TA%27s%2C PM%27s",
        "Minimum Access - API Only Integrations    | Minimum Access - API Only Integrations",
    })
    void punctuationIsPercentEncodedAsInRealFileNames(String label, String fullName) {
        // The right-hand names are real file names from ../shared/corpus/metadata.
        assertEquals(fullName, ProfileNames.fullName(label));
        assertEquals(label, ProfileNames.label(fullName));
        assertEquals(ProfileNames.key(label), ProfileNames.key(fullName));
    }

    @Test
    void encodingFollowsWhatTheMetadataApiWrites() {
        // Observed encoding (forcedotcom/cli#2869): most punctuation encoded, "-", "*", space and single
        // "_" kept, "__" encoded, non-ASCII letters kept, other non-ASCII characters encoded as UTF-8.
        assertEquals("A%2FB%3FC%23D%26E%2BF%40G", ProfileNames.encode("A/B?C#D&E+F@G"));
        assertEquals("a-b * c_d", ProfileNames.encode("a-b * c_d"));
        assertEquals("x%5F%5Fy", ProfileNames.encode("x__y"));
        assertEquals("Grüße 製", ProfileNames.encode("Grüße 製"));
        assertEquals("%C2%B0", ProfileNames.encode("°"));
        assertEquals("100%25", ProfileNames.encode("100%"));
    }

    @Test
    void decodingLeavesWhatIsNotAnEscapeAlone() {
        assertEquals("50% off", ProfileNames.decode("50% off"));
        assertEquals("%ZZ", ProfileNames.decode("%ZZ"));
        assertEquals("ends with %4", ProfileNames.decode("ends with %4"));
        assertEquals("°", ProfileNames.decode("%C2%B0"));
        assertEquals("%C2", ProfileNames.decode("%C2"), "half a UTF-8 character stays as written");
        for (String s : new String[] {"Custom: Sales", "R&D (EU) / ops", "Grüße°", "a__b", "100%"}) {
            assertEquals(s, ProfileNames.decode(ProfileNames.encode(s)), s);
        }
    }

    @Test
    void keyIgnoresCaseSurroundingSpaceAndSpelling() {
        assertEquals("admin", ProfileNames.key("System Administrator"));
        assertEquals("admin", ProfileNames.key(" ADMIN "));
        assertEquals("custom: support profile", ProfileNames.key("Custom%3a Support Profile"));
        assertFalse(ProfileNames.same("Standard User", "Standard Platform User"));
    }

    @Test
    void profilesWithoutInternalNamesKeepTheirLabel() {
        assertEquals("Identity User", ProfileNames.fullName("Identity User"));
        assertEquals("Identity User", ProfileNames.label("Identity User"));
        assertEquals(ProfileNames.standardProfiles().get("System Administrator"), "Admin");
    }
}
