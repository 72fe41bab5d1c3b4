// unknown-profile: a profile or permission set named in the users section but missing from the metadata
// fails the build with its line and column and the nearest name that does exist.
def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
def yaml = new File(basedir, 'sfapi-users.yml').readLines()
assert yaml[10 - 1].indexOf('ERP Integrations') + 1 == 14: 'sfapi-users.yml changed: the profile is no longer at 10:14'
assert yaml[11 - 1].indexOf('ERP_Opportunity') + 1 == 22: 'sfapi-users.yml changed: the permission set is no longer at 11:22'

expect('BUILD FAILURE', 'an unknown profile must fail the build')
expect("sfapi: the users section of the declaration doesn't fit the metadata:", 'the failure says what does not match')
expect("sfapi-users.yml:10:14: there is no profile 'ERP Integrations' in metadata in force-app. Did you mean 'ERP Integration'?",
        'the unknown profile, where it is declared, where sfapi looked, and the nearest profile')
expect("sfapi-users.yml:11:22: there is no permission set 'ERP_Opportunity' in metadata in force-app. Did you mean 'ERP_Opportunities'?",
        'the unknown permission set, with the nearest one')
expect('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException', 'a failure, not an error')
assert !new File(basedir, 'target/sfapi-reports').exists(): 'no reports may be written when the users cannot be resolved'
true
