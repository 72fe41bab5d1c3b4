// clean-project: every requirement is reachable, so the build passes, the plugin logs nothing above INFO,
// and the JUnit report has one passing test case per requirement, each saying what grants it.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}

expect('BUILD SUCCESS', 'a clean project must pass')
expect('[INFO] PASS erp-sync: user erp@example.com', 'erp-sync passes')
expect('[INFO]   all 9 requirements met', 'erp-sync: 3 Account + 2 Opportunity + 2 Amount + ApiEnabled + log in')
expect('[INFO] PASS warehouse-export: user warehouse@example.com', 'warehouse-export passes')
expect('license Salesforce Integration + SalesforceAPIIntegrationPsl', 'the permission set license is counted')
expect('[INFO]   all 4 requirements met', 'warehouse-export: Account, Invoice__c, ApiEnabled, log in')
def licensesLine = new File(basedir, 'sfapi-users.yml').readLines().findIndexOf { it.startsWith('  - name: SalesforceAPIIntegrationPsl') } + 1
expect("[INFO] sfapi: the licenses section of sfapi-users.yml adds to the built-in license catalogue for 'SalesforceAPIIntegrationPsl' (line $licensesLine); its rows win over built-in rows of the same scope.",
        'a team\'s catalogue rows are named in the log')
expect('[INFO] sfapi: 2 integrations, 0 failed, 0 with warnings, 0 errors, 0 warnings; reports in target/sfapi-reports\n',
        'summary line')

// Nothing the plugin logged may be a warning or an error.
def start = log.indexOf('--- sfapi-maven-plugin:')
def end = log.indexOf('BUILD SUCCESS')
assert start >= 0 && end > start: 'the plugin\'s output should come before BUILD SUCCESS'
def noisy = log.substring(start, end).readLines().findAll { it.startsWith('[ERROR]') || it.startsWith('[WARNING]') }
assert noisy.isEmpty(): "a clean project should log no warnings or errors, got:\n${noisy.join('\n')}"

def reports = new File(basedir, 'target/sfapi-reports')
def junit = new File(reports, 'TEST-sfapi-validate-api-users.xml')
assert junit.isFile(): "the JUnit report is missing from $reports: ${reports.list()}"
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit)
def root = doc.documentElement
assert doc.getElementsByTagName('testcase').length == 13: '9 + 4 requirements, one test case each'
assert root.getAttribute('tests') == '13' && root.getAttribute('failures') == '0' && root.getAttribute('errors') == '0'
        && root.getAttribute('skipped') == '0':
        "all 13 should pass: tests=${root.getAttribute('tests')} failures=${root.getAttribute('failures')} skipped=${root.getAttribute('skipped')}"
assert doc.getElementsByTagName('failure').length == 0 && doc.getElementsByTagName('skipped').length == 0:
        'no test case may fail or be skipped'
// What grants each requirement is in its system-out: here the field edit comes through the group.
def cases = doc.getElementsByTagName('testcase')
def out = [:]
for (int i = 0; i < cases.length; i++) {
    def c = cases.item(i)
    out[c.getAttribute('classname') + ' / ' + c.getAttribute('name')] = c.getElementsByTagName('system-out').item(0)?.textContent
}
assert out['erp-sync / Opportunity.Amount: edit']?.contains("granted by: permission set 'ERP_Opportunities' in group 'ERP_Sync'"):
        "the field edit should be granted through the permission set group: ${out['erp-sync / Opportunity.Amount: edit']}"
assert out['erp-sync / Account: create']?.contains("granted by: profile 'ERP Integration'"): 'Account create comes from the profile'
assert out['warehouse-export / Invoice__c: read']?.contains("granted by: permission set 'Warehouse_Read'"):
        'Invoice__c read comes from Warehouse_Read'

def md = new File(reports, 'sfapi-report.md').getText('UTF-8')
assert md.contains('**✅ PASS**: 2 integrations, 0 failed'): 'the Markdown verdict is PASS'
assert md.contains('<summary>13 requirements met</summary>'): 'the Markdown lists the 13 requirements met'
true
