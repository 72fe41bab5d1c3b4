// violations-report-only: with -Dsfapi.failOnError=false the same errors are reported in the log and the
// reports, and the build passes. The goal was called by its prefix, so this also proves `sfapi:` resolves.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
def declared = { String key ->
    def lines = new File(basedir, 'sfapi-users.yml').readLines()
    int i = lines.findIndexOf { it.trim().startsWith(key + ':') }
    assert i >= 0: "sfapi-users.yml has no key $key"
    "sfapi-users.yml:${i + 1}:${lines[i].indexOf(key) + 1}"
}

// The prefix resolved to this plugin, from the command line (default-cli), and the build passed.
expect('--- sfapi-maven-plugin:', 'sfapi:validate-api-users should resolve to this plugin')
expect(':validate-api-users (default-cli) @ violations-report-only ---', 'the goal ran from the command line')
expect('BUILD SUCCESS', 'failOnError=false must not fail the build')
assert !log.contains('Failed to execute goal'): 'no goal may fail with failOnError=false'
expect('[WARNING] sfapi: 2 errors, but sfapi.failOnError is false: the build goes on.',
        'the log says why a build with errors passed')

// Everything is still reported, exactly as when the build fails.
expect('[ERROR] FAIL crm-sync: user crm.sync@example.com', 'the failing integration is still shown')
expect("[ERROR]   error license-denies-object: crm-sync, crm.sync@example.com, Opportunity read (${declared('Opportunity')})",
        'the license problem is still reported')
expect("[ERROR]   error permission-missing: crm-sync, crm.sync@example.com, Contact read (${declared('Contact')})",
        'the missing permission is still reported')
expect('fix: Move crm.sync@example.com to a license that includes Opportunity', 'fixes are still given')
expect('[ERROR] sfapi: 2 integrations, 1 failed, 0 with warnings, 2 errors, 0 warnings; reports in', 'summary line')

// The reports say the same: the test tab shows the failures even though the build is green.
def reports = new File(basedir, 'target/sfapi-reports')
def junit = new File(reports, 'TEST-sfapi-validate-api-users.xml')
assert junit.isFile(): "the JUnit report is missing from $reports: ${reports.list()}"
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit)
def root = doc.documentElement
assert root.getAttribute('tests') == '9': "9 requirements, one test case each; got tests=${root.getAttribute('tests')}"
assert doc.getElementsByTagName('testcase').length == 9: 'the tests attribute should count the test cases'
def failures = doc.getElementsByTagName('failure')
def failureTypes = (0..<failures.length).collect { failures.item(it).getAttribute('type') } as Set
assert failures.length == 2 && failureTypes == ['license-denies-object', 'permission-missing'] as Set:
        "the two errors should be JUnit failures; got ${failures.length}: $failureTypes"

def md = new File(reports, 'sfapi-report.md').getText('UTF-8')
assert md.contains('**❌ FAIL**: 2 integrations, 1 failed'): 'the Markdown still says FAIL'
assert md.contains('`permission-missing` crm-sync, crm.sync@example.com, Contact read'): 'the Markdown lists the findings'
true
