// broken-declaration: every mistake in sfapi-users.yml is reported at once, each with file:line:column,
// what is wrong and the nearest valid word, as a build failure (the user's to fix), before any check runs.
def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
// Guards the literal positions below against edits of sfapi-users.yml.
def yaml = new File(basedir, 'sfapi-users.yml').readLines()
assert yaml[6 - 1].indexOf('edti') + 1 == 31: 'sfapi-users.yml changed: \'edti\' is no longer at 6:31'
assert yaml[7 - 1].indexOf('permisions') + 1 == 5: 'sfapi-users.yml changed: \'permisions\' is no longer at 7:5'

expect('BUILD FAILURE', 'a broken declaration must fail the build')
expect('on project broken-declaration: sfapi: 2 problems:', 'both mistakes are reported in one run')
expect("sfapi-users.yml:6:31: unknown operation 'edti' for Account in integration 'erp-sync'. Did you mean 'edit'?",
        'the misspelt operation, with its line and column and the suggestion')
expect("sfapi-users.yml:7:5: unknown key 'permisions' in an integration. Did you mean 'permissions'?",
        'the misspelt key, with its line and column and the suggestion')
// A MojoFailureException (the user's to fix), not a MojoExecutionException (a fault).
expect('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException', 'a failure, not an error')
// Nothing was checked, so no report may claim anything.
assert !new File(basedir, 'target/sfapi-reports').exists(): 'no reports may be written for a broken declaration'
assert !log.contains('PASS erp-sync') && !log.contains('FAIL erp-sync'): 'no integration may be judged'
true
