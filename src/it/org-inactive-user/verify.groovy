// org-inactive-user: an integration user the org has deactivated, and one it doesn't know, are findings
// on their integrations (with the reason and the fix), not a crash; the other integration is still checked.
import dev.sfapi.it.OrgIt
import javax.xml.parsers.DocumentBuilderFactory

// First, so the stand-in never outlives the IT (this script runs even when the build went wrong).
OrgIt.stop(basedir)

def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
// Where an integration starts in sfapi-users.yml, as file:line:column, read from the file itself.
def declared = { String integration ->
    def lines = new File(basedir, 'sfapi-users.yml').readLines()
    int i = lines.findIndexOf { it.trim() == "- name: $integration" as String }
    assert i >= 0: "sfapi-users.yml has no integration $integration"
    "sfapi-users.yml:${i + 1}:${lines[i].indexOf('name') + 1}"
}

expect("sfapi: 2 errors in the integration users' access (see above, and target/sfapi-reports).",
        'the build fails on the findings: a MojoFailureException, not a fault')
assert !log.contains('MojoExecutionException') && !log.contains('\tat dev.sfapi'): 'no fault, no stack trace'
expect('[INFO] sfapi: read 3 users (2 found) from org Acme (stand-in)', 'the unknown user is counted, not found')

expect('[ERROR] FAIL legacy-export: user inactive.user@acme.example', 'the deactivated user\'s integration fails')
expect("[ERROR]   error inactive-user: legacy-export, inactive.user@acme.example (${declared('legacy-export')})",
        'one inactive-user finding, pointing at the declaration')
expect("user 'inactive.user@acme.example' is deactivated: the integration cannot log in.", 'the reason')
expect('fix: Reactivate the user in Setup > Users, or point the integration at an active user.', 'the fix')

expect('[ERROR] FAIL renamed-sync: user crm.sync@acme.example', 'the unknown user\'s integration fails')
expect('license unknown, profile unknown', 'nothing is made up for a user the org doesn\'t have')
expect("[ERROR]   error unknown-user: renamed-sync, crm.sync@acme.example (${declared('renamed-sync')})",
        'one unknown-user finding, pointing at the declaration')
expect("there is no user 'crm.sync@acme.example' in the org", 'the reason')
expect('fix: Check the username in the declaration (sandbox usernames carry a suffix such as .uat), or create', 'the fix')

expect('[INFO] PASS api-sync: user api.integration@acme.example', 'the other integration is still checked')
expect('[ERROR] sfapi: 3 integrations, 2 failed, 0 with warnings, 2 errors, 0 warnings', 'summary line')

def junit = new File(basedir, 'target/sfapi-reports/TEST-sfapi-validate-api-users.xml')
assert junit.isFile(): 'the JUnit report is missing'
def cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit).getElementsByTagName('testcase')
def failures = (0..<cases.length).collect { cases.item(it) }.findAll { it.getElementsByTagName('failure').length > 0 }
        .collectEntries { [(it.getAttribute('classname') + ' / ' + it.getAttribute('name')): it.getElementsByTagName('failure').item(0).getAttribute('type')] }
assert failures.values() as Set == ['inactive-user', 'unknown-user'] as Set && failures.keySet()*.split(' / ')*.getAt(0) as Set == ['legacy-export', 'renamed-sync'] as Set:
        "the JUnit failures should be the two users' findings: $failures"

assert OrgIt.leakedSecrets(basedir, log).isEmpty(): "build.log shows credentials: ${OrgIt.leakedSecrets(basedir, log)}"
true
