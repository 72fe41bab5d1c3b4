// org-platform-opportunity: validate-api-users against the stand-in org (JWT bearer, settings.xml server)
// fails the build for the Platform-license user whose integration writes Opportunity; the log and the
// JUnit report say who, what, why and the fix; the org was asked exactly what a validation needs.
import dev.sfapi.it.OrgIt
import javax.xml.parsers.DocumentBuilderFactory

// First, so the stand-in never outlives the IT (this script runs even when the build went wrong).
OrgIt.stop(basedir)

def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
// Where a key sits in sfapi-users.yml, as file:line:column, read from the file itself.
def declared = { String key ->
    def lines = new File(basedir, 'sfapi-users.yml').readLines()
    int i = lines.findIndexOf { it.trim().startsWith(key + ':') }
    assert i >= 0: "sfapi-users.yml has no key $key"
    "sfapi-users.yml:${i + 1}:${lines[i].indexOf(key) + 1}"
}
def url = OrgIt.baseUrl(basedir)
def orgId = OrgIt.orgId(basedir)

// The build failed because of the findings, after connecting the way settings.xml says.
expect('BUILD FAILURE', 'the Platform user writing Opportunity must fail the build')
expect("sfapi: 2 errors in the integration users' access (see above, and target/sfapi-reports).",
        'the failure is the findings, not a fault')
expect("[INFO] sfapi: connecting with OAuth 2.0 JWT bearer flow, login URL $url, user ${OrgIt.CI_USER}",
        'the JWT server of settings.xml is used, and the log says so without a secret')
expect("[INFO] sfapi: read 2 users (2 found) from org Acme (stand-in) ($orgId, 127.0.0.1) with 2 profiles, 1 permission set",
        'the users and their metadata come from the org')

// The failing integration, its user and license; one line per problem, then the reason and the fix.
expect('[ERROR] FAIL payroll-opportunities: user platform.integration@acme.example', 'the integration and user are named')
expect('license Salesforce Platform, profile 2cloudnine Payroll User', 'the license and profile come from the org')
expect("[ERROR]   error license-denies-object: payroll-opportunities, platform.integration@acme.example, Opportunity edit (${declared('Opportunity')})",
        'Opportunity edit is beyond the Platform license')
expect('the Salesforce Platform license can never grant Edit on Opportunity', 'the reason')
expect('fix: Move platform.integration@acme.example to a license that includes Opportunity (\'Salesforce\')', 'the fix')
expect('[INFO] PASS api-sync: user api.integration@acme.example', 'the Integration-license user passes')
expect('license Salesforce Integration + SalesforceAPIIntegrationPsl', 'its permission set license comes from the org')
expect('[ERROR] sfapi: 2 integrations, 1 failed, 0 with warnings, 2 errors, 0 warnings; reports in target/sfapi-reports',
        'summary line')

// JUnit: exactly the two Opportunity requirements fail, as license-denies-object.
def junit = new File(basedir, 'target/sfapi-reports/TEST-sfapi-validate-api-users.xml')
assert junit.isFile(): "the JUnit report is missing: ${junit.parentFile.list()}"
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit)
def cases = doc.getElementsByTagName('testcase')
def failed = [:]
for (int i = 0; i < cases.length; i++) {
    def c = cases.item(i)
    def f = c.getElementsByTagName('failure')
    if (f.length > 0) {
        failed[c.getAttribute('classname') + ' / ' + c.getAttribute('name')] = f.item(0)
    }
}
assert failed.keySet() == ['payroll-opportunities / Opportunity: read', 'payroll-opportunities / Opportunity: edit'] as Set:
        "exactly the Opportunity requirements should fail; got ${failed.keySet()}"
failed.each { name, f ->
    assert f.getAttribute('type') == 'license-denies-object': "$name should fail as license-denies-object: ${f.getAttribute('type')}"
    assert f.textContent.contains('fix: Move platform.integration@acme.example to a license that includes Opportunity'):
            "$name should carry the fix: ${f.textContent}"
}
assert doc.documentElement.getAttribute('tests') == '7' && doc.documentElement.getAttribute('failures') == '2':
        "totals: tests=${doc.documentElement.getAttribute('tests')} failures=${doc.documentElement.getAttribute('failures')}"
def properties = doc.getElementsByTagName('property')
def sources = (0..<properties.length).collect { properties.item(it) }
        .findAll { it.getAttribute('name') == 'source' }*.getAttribute('value') as Set
assert sources == ["org Acme (stand-in) ($orgId, 127.0.0.1)"] as Set: "the report names the org as the source: $sources"

// The org was asked the minimum: one login, one query per kind of record, listMetadata once, and one
// readMetadata per metadata type (2 profiles, 1 permission set: under 10 names each; no group, so no
// readMetadata(PermissionSetGroup)).
def requests = OrgIt.requestCounts(basedir)
def expected = [
        'OAUTH_TOKEN jwt-bearer'                          : 1,
        'REST_QUERY query(User)'                          : 1,
        'REST_QUERY query(PermissionSetAssignment)'       : 1,
        'REST_QUERY query(PermissionSetLicenseAssign)'    : 1,
        'REST_QUERY query(PermissionSetGroupComponent)'   : 1,
        'REST_QUERY query(UserLogin)'                     : 1,
        'REST_QUERY query(UserLicense)'                   : 1,
        'REST_QUERY query(PermissionSetLicense)'          : 1,
        'REST_QUERY query(Organization)'                  : 1,
        'METADATA_SOAP listMetadata(Profile)'             : 1,
        'METADATA_SOAP readMetadata(Profile)'             : 1,
        'METADATA_SOAP readMetadata(PermissionSet)'       : 1,
]
assert requests == expected: "the stand-in should have seen exactly ${expected}\nbut saw ${requests}"

// No credential anywhere: not in the log, not in the reports. (The check does find them where they
// are, in the generated settings.xml and key file, so its silence here means something.)
def standin = new File(basedir, 'target/standin')
assert OrgIt.leakedSecrets(basedir, new File(standin, 'settings.xml').text).contains('client secret, encrypted')
assert OrgIt.leakedSecrets(basedir, new File(standin, 'jwt/server.key').text).containsAll(['JWT private key, line 2', 'a PEM private key'])
def reports = new File(basedir, 'target/sfapi-reports').listFiles().collect { it.getText('UTF-8') }.join('\n')
def leaked = OrgIt.leakedSecrets(basedir, log + reports)
assert leaked.isEmpty(): "build.log or the reports show credentials: $leaked"
true
