package dev.sfapi.standin;

import dev.sfapi.standin.org.OrgFixture;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.OrgModelBuilder;
import dev.sfapi.yaml.YamlException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The ready-made org of {@code corpus-org.yml}: real profiles, permission sets, a group and a muting
 * set from the corpus, and the users the plugin's cases need. The constants name them for tests.
 */
public final class CorpusOrg {

    public static final String RESOURCE = "dev/sfapi/standin/corpus-org.yml";

    /** Salesforce Platform license (profile "2cloudnine Payroll User"); can't write Opportunity. */
    public static final String PLATFORM_USER = "platform.integration@acme.example";
    public static final String PLATFORM_PASSWORD = "Platform-pw-1";
    public static final String PLATFORM_TOKEN = "PLATFORMTOKEN1";
    /** Salesforce Integration license + SalesforceAPIIntegrationPsl + TwoCloudNineIntegrationUser. */
    public static final String INTEGRATION_USER = "api.integration@acme.example";
    public static final String INTEGRATION_PASSWORD = "Api-pw-1";
    public static final String INTEGRATION_TOKEN = "APITOKEN1";
    /** Holds the group ffscpq__SCPQEstimator (muting set SCPQEstimator_Muted) and one permission set. */
    public static final String GROUP_USER = "estimator@acme.example";
    public static final String INACTIVE_USER = "inactive.user@acme.example";
    public static final String FROZEN_USER = "frozen.user@acme.example";
    public static final String FROZEN_PASSWORD = "Frozen-pw-1";
    /** Profile Admin ("System Administrator"). */
    public static final String ADMIN_USER = "admin@acme.example";

    public static final String CLIENT_ID = "3MVG9standin.ci.app";
    public static final String CLIENT_SECRET = "standin-client-secret-1";
    /** Refresh token of {@link #PLATFORM_USER} for {@link #CLIENT_ID} (an SFDX auth URL's third part). */
    public static final String REFRESH_TOKEN = "5Aep861standin.refresh.token";

    public static final String PLATFORM_PROFILE = "2cloudnine Payroll User";
    public static final String INTEGRATION_PROFILE = "Minimum Access - API Only Integrations";
    public static final String GROUP = "ffscpq__SCPQEstimator";
    public static final String MUTING_SET = "SCPQEstimator_Muted";

    private CorpusOrg() {
    }

    /** The fixture as a builder, to add to (a JWT connected app, more users) before building. */
    public static OrgModelBuilder builder() {
        try {
            return OrgFixture.loadResource(RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (YamlException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static OrgModel model() {
        return builder().build();
    }
}
