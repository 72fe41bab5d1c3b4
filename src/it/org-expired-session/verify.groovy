// org-expired-session: the org ends the session in the middle of the first wave of calls (the stand-in's
// fault switch, armed in prebuild.groovy). The plugin logs in once more, repeats only the refused calls,
// and the build fails on the findings alone, exactly as without the fault.
import dev.sfapi.it.OrgIt
import javax.xml.parsers.DocumentBuilderFactory

// First, so the stand-in never outlives the IT (this script runs even when the build went wrong).
OrgIt.stop(basedir)

def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
expect("sfapi: 2 errors in the integration users' access (see above, and target/sfapi-reports).",
        'the build fails on the findings, not on the expired session')
expect('[ERROR]   error license-denies-object: payroll-opportunities, platform.integration@acme.example, Opportunity edit',
        'the same finding as without the fault')
expect('[INFO] sfapi: read 2 users (2 found) from org Acme (stand-in)', 'the whole read completed')
assert !log.contains('INVALID_SESSION_ID') && !log.contains('[WARNING]'): 'a renewed session is no news for the build log'

def junit = new File(basedir, 'target/sfapi-reports/TEST-sfapi-validate-api-users.xml')
assert junit.isFile(): 'the JUnit report is missing'
def root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit).documentElement
assert root.getAttribute('tests') == '7' && root.getAttribute('failures') == '2' && root.getAttribute('errors') == '0':
        "the same 7 requirements and 2 failures as without the fault: tests=${root.getAttribute('tests')} failures=${root.getAttribute('failures')}"

// One re-authentication; the refused calls (401 on REST, a 500 fault on SOAP) came before it, and each
// kind of call succeeded exactly once: nothing was read twice, nothing was skipped.
def requests = OrgIt.requests(basedir)
def logins = requests.findAll { it.endpoint == 'OAUTH_TOKEN' }
assert logins.size() == 2 && logins.every { it.status == 200 }: "one login and one re-login: $logins"
def calls = requests.findAll { it.endpoint != 'OAUTH_TOKEN' }
def refused = calls.findAll { it.status != 200 }
assert !refused.isEmpty(): 'the fault switch should have refused some calls; without that this IT proves nothing'
assert refused.every { it.status in [401, 500] }: "refused calls answer 401 (REST) or 500 (SOAP fault): ${refused*.status}"
def key = { "${it.endpoint} ${it.operation}(${it.subject})" as String }
def succeeded = calls.findAll { it.status == 200 }.groupBy(key).collectEntries { k, v -> [(k): v.size()] }
def kinds = ['REST_QUERY query(User)', 'REST_QUERY query(PermissionSetAssignment)', 'REST_QUERY query(PermissionSetLicenseAssign)',
             'REST_QUERY query(PermissionSetGroupComponent)', 'REST_QUERY query(UserLogin)', 'REST_QUERY query(UserLicense)',
             'REST_QUERY query(PermissionSetLicense)', 'REST_QUERY query(Organization)', 'METADATA_SOAP listMetadata(Profile)',
             'METADATA_SOAP readMetadata(Profile)', 'METADATA_SOAP readMetadata(PermissionSet)']
assert succeeded == kinds.collectEntries { [(it): 1] }: "each kind of call should succeed exactly once: $succeeded"
assert refused.collect(key).every { succeeded.containsKey(it) }: 'every refused call was repeated'
assert calls.size() == kinds.size() + refused.size(): 'only the refused calls were repeated'

def leaked = OrgIt.leakedSecrets(basedir, log)
assert leaked.isEmpty(): "build.log shows credentials: $leaked"
true
