// secrets-debug-log: `mvn -X` prints every parameter Maven injects ("[DEBUG]   (f) name = value") and the
// execution's configuration. Credentials are no parameters, so none of them may appear, wherever it was
// set: -D, MAVEN_OPTS, the environment, the pom's <properties>.
def log = new File(basedir, 'build.log').text
def secrets = [
        'ItCmdLineAccessToken4711',       // -Dsfapi.accessToken
        'ItCmdLineSecurityToken4711',     // -Dsfapi.securityToken
        'ItMavenOptsPassword4711',        // MAVEN_OPTS -Dsfapi.password
        'ItEnvironmentClientSecret4711',  // SFAPI_CLIENT_SECRET
        '5AepItPomRefreshToken4711',      // <sfapi.authUrl> in the pom
]
secrets.eachWithIndex { secret, i ->
    assert !log.contains(secret): "credential #$i (${secret.length()} characters) appears in build.log"
}

// The run really was at debug level, and Maven really logged the mojo's parameters: their absence above
// means something only because the listener was printing.
assert log.contains('[DEBUG] Configuring mojo'): 'Maven should log the mojo configuration at -X'
assert log.contains('(f) instanceUrl = http://127.0.0.1:9'): 'a non-secret setting is still a logged parameter'
def start = log.indexOf('[DEBUG] Configuration: <?xml')
assert start >= 0: 'Maven should log the execution configuration at -X'
def configuration = log.substring(start, log.indexOf('</configuration>', start))
assert configuration.contains('<instanceUrl>${sfapi.instanceUrl}</instanceUrl>')
['accessToken', 'securityToken', 'password', 'clientSecret', 'authUrl', 'privateKeyPassphrase'].each { name ->
    assert !log.contains("(f) $name ="): "$name must not be a parameter Maven logs"
    assert !configuration.contains("<$name>"): "$name must not be in the logged mojo configuration"
}

// Each credential was read, from where it was set.
assert log.contains('[DEBUG] sfapi: access token because accessToken is set in -Dsfapi.accessToken')
assert log.contains('securityToken (from -Dsfapi.securityToken)')
assert log.contains('password (from the system property sfapi.password)')
assert log.contains('clientSecret (from the environment)')
assert log.contains('authUrl (from the property sfapi.authUrl of the pom)')
assert log.contains('sets the property sfapi.authUrl in plain text'): 'a plain credential in the pom is warned about'

// The failure line ends with the plugin's advice, nothing after it.
assert log.contains('could not connect to http://127.0.0.1:9. Check the URL and, behind a firewall, the <proxy> in'
        + ' settings.xml. -> [Help 1]')
assert !log.contains('ScrubbedCause')
true
