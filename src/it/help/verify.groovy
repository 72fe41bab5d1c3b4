// help: `mvn sfapi:help -Ddetail -Dgoal=validate-api-users` works from a project that declares the plugin.
// The prefix resolves, and every parameter is documented with its user property and default.
def log = new File(basedir, 'build.log').text
def expect = { String text, String why ->
    assert log.contains(text): "build.log should contain \"$text\": $why"
}
expect('--- sfapi-maven-plugin:', 'sfapi:help should resolve to this plugin')
expect(':help (default-cli) @ help ---', 'the help goal ran')
expect('BUILD SUCCESS', 'help must not fail')
expect('sfapi:validate-api-users', 'the goal is listed under its prefix')

// Each parameter, with its default (if any) and its sfapi.* user property, in the help mojo's layout.
def parameters = [
        declaration        : '${project.basedir}/sfapi-users.yml',
        failOnError        : 'true',
        failOnWarning      : 'false',
        metadataDirectories: null,
        reportsDirectory   : '${project.build.directory}/sfapi-reports',
        skip               : 'false',
]
parameters.each { name, defaultValue ->
    def heading = defaultValue == null ? "    $name\n" : "    $name (Default: $defaultValue)\n"
    assert log.contains(heading): "help should list parameter '$name'" + (defaultValue ? " with default $defaultValue" : '')
    def block = log.substring(log.indexOf(heading))
    def nextParameter = block.indexOf('\n\n')
    assert block.substring(0, nextParameter < 0 ? block.length() : nextParameter).contains("User property: sfapi.$name"):
            "parameter '$name' should have user property sfapi.$name"
}
// Parameters the user must not set (the project directory) are not listed.
assert !log.contains('baseDirectory'): 'read-only parameters should not be offered'
true
