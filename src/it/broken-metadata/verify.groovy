// broken-metadata: a profile file cut short (a bad merge) stops the build with the file, line and column
// and what to do, once: the XML parser's own wording must not be repeated after ours.
def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
expect('BUILD FAILURE', 'unreadable metadata must stop the build')
expect('sfapi: cannot read the metadata: ', 'the error says what could not be read')
expect('ERP Integration.profile-meta.xml:8:3: not well-formed XML, so the profile cannot be read:', 'file, line and column')
expect('Fix the XML there (compare with the copy in version control or retrieve it again from the org).', 'what to do')
// A MojoExecutionException: the input can't be read at all, unlike a finding.
expect('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException', 'an execution fault')
def parserText = 'must be terminated by the matching end-tag'
assert log.count(parserText) == 1: "the parser's message should appear once, found ${log.count(parserText)} times"
assert !log.contains('ParseError at [row,col]'): 'the raw parser text should not reach the log'
assert !new File(basedir, 'target/sfapi-reports').exists(): 'no reports when the metadata cannot be read'
true
