package dev.sfapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.ApiUserValidation.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which source validate-api-users uses, for every combination a build can present. */
class SourceChoiceTest {

    @ParameterizedTest(name = "source={0} snapshot={1} org={2} -> {3}")
    @CsvSource({
            // requested, snapshot named, org configured, expected
            ",         false, false, METADATA",
            "auto,     false, false, METADATA",
            "auto,     false, true,  ORG",
            "auto,     true,  false, SNAPSHOT",
            "auto,     true,  true,  SNAPSHOT",
            "AUTO,     false, true,  ORG",
            "metadata, true,  true,  METADATA",
            "org,      false, false, ORG",
            "org,      true,  true,  ORG",
            "snapshot, true,  true,  SNAPSHOT",
    })
    void chooses(String requested, boolean snapshot, boolean org, Source expected) {
        assertEquals(expected, ApiUserValidation.chooseSource(requested, snapshot, org).source());
    }

    @ParameterizedTest
    @CsvSource({"snapshot, sfapi.snapshot names no file", "orgg, Did you mean 'org'", "live, Expected one of: auto,"})
    void refusesWhatCannotWork(String requested, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiUserValidation.chooseSource(requested, false, true));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"true, true, the org settings are not used", "false, true, org credentials are configured"})
    void saysWhy(boolean snapshot, boolean org, String reason) {
        assertTrue(ApiUserValidation.chooseSource("auto", snapshot, org).reason().contains(reason));
    }
}
