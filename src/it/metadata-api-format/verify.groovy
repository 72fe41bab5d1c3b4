// metadata-api-format: with no sfdx-project.json and no force-app/, the metadata is read from src/ in
// Metadata API format (.profile, .permissionset, .permissionsetgroup, .mutingpermissionset), a profile
// named with a colon is found under its percent-encoded file name, and muting works inside its group.
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
assert !new File(basedir, 'sfdx-project.json').exists() && !new File(basedir, 'force-app').exists():
        'this IT is about the src/ default: it must have neither sfdx-project.json nor force-app/'

expect('sfapi: 2 integrations declared in sfapi-users.yml, checked against metadata in src', 'src/ is the default here')
// "Custom: Sync Profile" is the file Custom%3A Sync Profile.profile, with its license.
expect('[INFO] PASS contact-reader: user reader@example.com', 'the reader passes')
expect('license Salesforce, profile Custom: Sync Profile', 'the percent-encoded profile is found and its license read')
// The group's muting set removes the edit its member set grants: the one error of the build.
expect('[ERROR] FAIL contact-writer: user writer@example.com', 'the writer fails')
expect('error permission-missing: contact-writer, writer@example.com, Contact edit (sfapi-users.yml:13:7)',
        'Contact edit is muted')
def problem = log.readLines().findAll { it.startsWith('[ERROR]       ') }*.substring(14).join(' ')
assert problem.contains("permission set 'Contact_Maintenance' in group 'Contact_Readers' grants it, but muting permission set 'Contact_Readers_Muted' of group 'Contact_Readers' mutes Edit"):
        "the reason should name the granting set, the group and the muting set; got: $problem"
expect('[ERROR] sfapi: 2 integrations, 1 failed, 0 with warnings, 1 error, 0 warnings; reports in', 'exactly one error')
expect('BUILD FAILURE', 'the muted edit fails the build')

// Read is not muted: the reader's Contact read comes through the group's member set.
def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/sfapi-reports/TEST-sfapi-validate-api-users.xml'))
def cases = doc.getElementsByTagName('testcase')
def readerContact = (0..<cases.length).collect { cases.item(it) }.find {
    it.getAttribute('classname') == 'contact-reader' && it.getAttribute('name') == 'Contact: read'
}
assert readerContact != null: 'contact-reader should have a Contact: read test case'
assert readerContact.getElementsByTagName('failure').length == 0: 'Contact read is not muted'
assert readerContact.textContent.contains("granted by: permission set 'Contact_Maintenance' in group 'Contact_Readers'"):
        "Contact read should come from the group's member set: ${readerContact.textContent}"
true
