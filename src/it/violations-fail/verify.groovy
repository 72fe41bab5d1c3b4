// violations-fail: errors in the integration users' access fail the build (failOnError defaults to true),
// and the CI log reader learns which integration, user, object and operation, why, and how to fix it.
import javax.xml.parsers.DocumentBuilderFactory

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

// The build failed because of the findings, not for some other reason.
expect('BUILD FAILURE', 'violations must fail the build')
expect('sfapi: 2 errors in the integration users\' access (see above, and target/sfapi-reports).',
        'the failure message counts the errors and points at the reports, relative to the project')
expect('set sfapi.failOnError=false to report without failing', 'the failure says how to report only')

// One block per integration, with its verdict, user and license.
expect('[ERROR] FAIL crm-sync: user crm.sync@example.com', 'the failing integration is named with its user')
expect('license Salesforce Platform, profile CRM Sync Platform', 'the user\'s license and profile are shown')
expect('[INFO] PASS account-lookup: user lookup@example.com', 'the clean integration passes')

// One line per problem: check id, integration, user, object and operation, declaration line.
expect("[ERROR]   error license-denies-object: crm-sync, crm.sync@example.com, Opportunity read (${declared('Opportunity')})",
        'Opportunity is beyond the Salesforce Platform license')
expect("[ERROR]   error permission-missing: crm-sync, crm.sync@example.com, Contact read (${declared('Contact')})",
        'nothing grants read on Contact')
// The reason and the fix follow each problem.
expect('the Salesforce Platform license can never grant Read on Opportunity', 'the license reason is given')
expect('fix: Move crm.sync@example.com to a license that includes Opportunity', 'the license fix is given')
expect('fix: Grant Read on Contact in permission set \'Opportunity_Sync\'', 'the permission fix names the assigned set')
// Met requirements are counted, not listed; the summary line counts everything.
expect('[INFO]   4 of 6 requirements met', 'crm-sync meets 4 of its 6 requirements')
expect('[ERROR] sfapi: 2 integrations, 1 failed, 0 with warnings, 2 errors, 0 warnings; reports in target/sfapi-reports\n',
        'summary line')
assert !log.contains('Account read ('): 'Account read is granted by the profile and must not be reported'

// JUnit XML: one test case per integration x requirement, a failure per unmet requirement.
def reports = new File(basedir, 'target/sfapi-reports')
def junit = new File(reports, 'TEST-sfapi-validate-api-users.xml')
assert junit.isFile(): "the JUnit report is missing from $reports: ${reports.list()}"
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit)
def cases = doc.getElementsByTagName('testcase')
def byName = [:]
for (int i = 0; i < cases.length; i++) {
    def c = cases.item(i)
    byName[c.getAttribute('classname') + ' / ' + c.getAttribute('name')] = c
}
def expectedCases = [
        'crm-sync / user crm.sync@example.com can log in', 'crm-sync / permission ApiEnabled',
        'crm-sync / Account: read', 'crm-sync / Account: edit', 'crm-sync / Opportunity: read', 'crm-sync / Contact: read',
        'account-lookup / user lookup@example.com can log in', 'account-lookup / permission ApiEnabled',
        'account-lookup / Account: read'] as Set
assert byName.keySet() == expectedCases: "JUnit test cases should be one per requirement; got ${byName.keySet()}"
def failed = byName.findAll { k, c -> c.getElementsByTagName('failure').length > 0 }
assert failed.keySet() == ['crm-sync / Opportunity: read', 'crm-sync / Contact: read'] as Set:
        "exactly the unmet requirements should be failures; got ${failed.keySet()}"
assert failed['crm-sync / Opportunity: read'].getElementsByTagName('failure').item(0).getAttribute('type') == 'license-denies-object'
assert failed['crm-sync / Contact: read'].getElementsByTagName('failure').item(0).getAttribute('type') == 'permission-missing'
def root = doc.documentElement
assert root.getAttribute('tests') == '9' && root.getAttribute('failures') == '2':
        "the totals should match the test cases: tests=${root.getAttribute('tests')} failures=${root.getAttribute('failures')}"

// Markdown: the verdict, the table row and each problem with its fix.
def md = new File(reports, 'sfapi-report.md')
assert md.isFile(): "the Markdown report is missing from $reports"
def mdText = md.getText('UTF-8')
assert mdText.contains('**❌ FAIL**: 2 integrations, 1 failed'): 'the Markdown verdict'
assert mdText.contains('| ❌ FAIL | crm-sync | crm.sync@example.com | Salesforce Platform | CRM Sync Platform | 2 | 0 |'):
        'the Markdown table row of crm-sync'
assert mdText.contains('`license-denies-object` crm-sync, crm.sync@example.com, Opportunity read'): 'the Markdown finding'
assert mdText.contains('**Fix:** Move crm.sync@example.com to a license that includes Opportunity'): 'the Markdown fix'

// On GitHub Actions the same Markdown is appended to $GITHUB_STEP_SUMMARY (the pom points it at this file),
// after what earlier steps wrote there.
def summary = new File(basedir, 'github-step-summary.md').getText('UTF-8')
assert summary.startsWith('## Earlier step\n\nWritten by another tool before sfapi ran.\n'):
        'the step summary must be appended to, never overwritten'
assert summary.endsWith(mdText): 'the step summary should end with the Markdown report'
true
