// org-snapshot: sfapi:snapshot saves the org's users and metadata (and no credential) to a file, and
// validate-api-users from that file, with the stand-in stopped, finds exactly what the validation
// against the org found. The anonymized snapshot holds no username, user id or org id of the org and
// gives the same findings with placeholders.
import dev.sfapi.it.OrgIt
import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

// First, so the stand-in never outlives the IT (prebuild.4.groovy has normally stopped it already).
OrgIt.stop(basedir)

def buildLog = new File(basedir, 'build.log')
def runs = OrgIt.invocations(buildLog)
assert runs.size() == 5: "build.log should hold the 5 invocations of invoker.properties, found ${runs.size()}"
def (snapshotRun, anonymizedRun, orgRun, fromSnapshotRun, fromAnonymizedRun) = runs
def expectIn = { String run, int n, String text, String why ->
    assert run.contains(text): "invocation $n should log \"$text\": $why"
}
def orgId = OrgIt.orgId(basedir)
def json = new JsonSlurper()

// 1: the snapshot of the org.
expectIn(snapshotRun, 1, "sfapi: snapshot of 2 users of org Acme (stand-in) ($orgId, 127.0.0.1) written to target/sfapi-snapshot.json",
        'the snapshot goal says what it saved and where')
def snapshotFile = new File(basedir, 'target/sfapi-snapshot.json')
def snapshotText = snapshotFile.getText('UTF-8')
def snapshot = json.parseText(snapshotText)
assert snapshot.format == 'sfapi-org-snapshot' && snapshot.formatVersion == 2: "format: ${snapshot.format} ${snapshot.formatVersion}"
assert snapshot.org.id == orgId && snapshot.org.name == 'Acme (stand-in)': "the org: ${snapshot.org}"
def users = snapshot.users.collectEntries { [(it.username): it] }
assert users.keySet() == ['platform.integration@acme.example', 'api.integration@acme.example'] as Set:
        "the snapshot holds the declared users: ${users.keySet()}"
assert users['platform.integration@acme.example'].userLicense == 'Salesforce Platform'
assert users['platform.integration@acme.example'].profileFullName == '2cloudnine Payroll User'
assert users['api.integration@acme.example'].permissionSets == ['TwoCloudNineIntegrationUser']
assert users['api.integration@acme.example'].permissionSetLicenses == ['SalesforceAPIIntegrationPsl']
// The metadata of what they hold, whole: the Platform profile denies Opportunity and grants Account.
def profiles = snapshot.profiles.collectEntries { [(it.fullName): it] }
assert profiles.keySet() == ['2cloudnine Payroll User', 'Minimum Access - API Only Integrations'] as Set: "profiles: ${profiles.keySet()}"
assert profiles['2cloudnine Payroll User'].objects['Opportunity'] == []: 'the profile\'s all-false Opportunity is kept'
assert profiles['2cloudnine Payroll User'].objects['Account'].contains('edit'): 'the profile\'s Account edit is kept'
assert snapshot.permissionSets*.fullName == ['TwoCloudNineIntegrationUser']: "permission sets: ${snapshot.permissionSets*.fullName}"
assert snapshot.userLicenses.find { it.name == 'Salesforce Platform' }?.total == 20: 'seat counts are kept'
def leaked = OrgIt.leakedSecrets(basedir, snapshotText)
assert leaked.isEmpty(): "the snapshot holds credentials: $leaked"
assert !(snapshotText =~ /(?i)"(accessToken|clientSecret|password|privateKey|sessionId)"/): 'the snapshot has a credential field'

// 2: the anonymized snapshot and its declaration copy: placeholders, nothing of the org's own.
def anonymizedFile = new File(basedir, 'target/anonymized/sfapi-snapshot.json')
def anonymizedText = anonymizedFile.getText('UTF-8')
def anonymizedDeclaration = new File(basedir, 'target/anonymized/sfapi-snapshot.sfapi-users.yml').getText('UTF-8')
expectIn(anonymizedRun, 2, 'sfapi: snapshot of 2 users of org (anonymized) written to target/anonymized/sfapi-snapshot.json',
        'the log of an anonymized snapshot names no org')
def originals = users.keySet() + users.values()*.id + [orgId, orgId.substring(0, 15), 'Acme (stand-in)', '127.0.0.1', 'acme.example']
originals.each { String original ->
    assert !anonymizedText.contains(original): "the anonymized snapshot still holds \"$original\""
    assert !anonymizedDeclaration.contains(original): "the anonymized declaration still holds \"$original\""
}
// (Its log still shows whom the plugin connected as and where: that is the user's own console.)
(users.keySet() + [orgId]).each { String original ->
    assert !anonymizedRun.contains(original): "the log of the anonymized snapshot shows \"$original\""
}
def anonymized = json.parseText(anonymizedText)
assert anonymized.users*.username as Set == ['user-1@example.invalid', 'user-2@example.invalid'] as Set:
        "placeholders, numbered in the sorted order of the usernames: ${anonymized.users*.username}"
assert anonymized.profiles*.fullName as Set == profiles.keySet(): 'profile names are the case: they are kept'
assert anonymizedDeclaration.contains('user: user-2@example.invalid'): 'platform.integration (second in sorted order) is user-2'
assert OrgIt.leakedSecrets(basedir, anonymizedText).isEmpty()

// 3: the validation against the org; 4 and 5: from the snapshots, with no org.
expectIn(orgRun, 3, "sfapi: read 2 users (2 found) from org Acme (stand-in) ($orgId, 127.0.0.1)", 'a live validation')
[[fromSnapshotRun, 4, 'target/sfapi-snapshot.json', 'sfapi-reports'],
 [fromAnonymizedRun, 5, 'target/anonymized/sfapi-snapshot.json', 'anonymized-reports']].each { run, n, file, reports ->
    expectIn(run, n, "sfapi: validating from snapshot $file of org", 'the source is the snapshot')
    expectIn(run, n, '(no org is contacted)', 'the log says the org is not needed')
    assert !run.contains('sfapi: connecting'): "invocation $n must not connect to an org, though settings.xml names one"
    expectIn(run, n, "sfapi: 2 errors in the integration users' access (see above, and target/$reports)",
            'the build fails on the findings, not on a missing org')
}
expectIn(fromSnapshotRun, 4, '[ERROR]   error license-denies-object: payroll-opportunities, platform.integration@acme.example, Opportunity edit',
        'the same finding as against the org')
expectIn(fromAnonymizedRun, 5, '[ERROR]   error license-denies-object: payroll-opportunities, user-2@example.invalid, Opportunity edit',
        'the same finding, for the placeholder')

// The same findings, requirement by requirement, in the JUnit reports of 3, 4 and 5.
def outcomes = { String dir ->
    def f = new File(basedir, "target/$dir/TEST-sfapi-validate-api-users.xml")
    assert f.isFile(): "no JUnit report in target/$dir"
    def cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f).getElementsByTagName('testcase')
    (0..<cases.length).collect { cases.item(it) }.collect { c ->
        def failure = c.getElementsByTagName('failure')
        def outcome = failure.length > 0 ? failure.item(0).getAttribute('type') : 'pass'
        // Usernames differ in the anonymized run; the requirement and its outcome must not.
        c.getAttribute('classname') + ' / ' + c.getAttribute('name').replaceAll(/\S+@\S+/, '<user>') + ': ' + outcome
    } as Set
}
def fromOrg = outcomes('org-reports')
assert fromOrg.contains('payroll-opportunities / Opportunity: edit: license-denies-object'): "the org run's findings: $fromOrg"
assert outcomes('sfapi-reports') == fromOrg: "the snapshot gives other findings than the org:\n${outcomes('sfapi-reports')}\nvs\n$fromOrg"
assert outcomes('anonymized-reports') == fromOrg: "the anonymized snapshot gives other findings:\n${outcomes('anonymized-reports')}\nvs\n$fromOrg"

// The org saw three reads (two snapshots, one validation), each the minimum, and nothing after it stopped.
def once = ['OAUTH_TOKEN jwt-bearer', 'REST_QUERY query(User)', 'REST_QUERY query(PermissionSetAssignment)',
            'REST_QUERY query(PermissionSetLicenseAssign)', 'REST_QUERY query(PermissionSetGroupComponent)',
            'REST_QUERY query(UserLogin)', 'REST_QUERY query(UserLicense)', 'REST_QUERY query(PermissionSetLicense)',
            'REST_QUERY query(Organization)', 'METADATA_SOAP listMetadata(Profile)', 'METADATA_SOAP readMetadata(Profile)',
            'METADATA_SOAP readMetadata(PermissionSet)']
def requests = OrgIt.requestCounts(basedir)
assert requests == once.collectEntries { [(it): 3] }: "the stand-in should have seen each call 3 times: $requests"

def all = buildLog.text + snapshotText + anonymizedText + anonymizedDeclaration
assert OrgIt.leakedSecrets(basedir, all).isEmpty(): "credentials leaked: ${OrgIt.leakedSecrets(basedir, all)}"
true
