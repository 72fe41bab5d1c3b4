// org-wrong-secret: credentials the org refuses stop the build with a message naming the setting, where
// it came from and what to check; no credential of the run appears in build.log, not even at debug level
// with stack traces, and not the access token the stand-in issues in the control run.
import dev.sfapi.it.OrgIt

// First, so the stand-in never outlives the IT (this script runs even when a build went wrong).
OrgIt.stop(basedir)

def log = new File(basedir, 'build.log').text
def runs = OrgIt.invocations(new File(basedir, 'build.log'))
assert runs.size() == 3: "build.log should hold the 3 invocations of invoker.properties, found ${runs.size()}"
def (wrongSecret, wrongKey, control) = runs
def expectIn = { String run, String name, String text, String why ->
    assert run.contains(text): "the $name run should log \"$text\": $why"
}

// 1: client credentials with the wrong secret (at debug level, -X).
expectIn(wrongSecret, 'wrong-secret', "Reading global settings from ${new File(basedir, 'target/standin/settings.xml').path}",
        'the credentials come from the settings.xml server, as users keep them')
expectIn(wrongSecret, 'wrong-secret', 'sfapi: Salesforce refused the OAuth 2.0 client credentials flow at', 'what failed')
expectIn(wrongSecret, 'wrong-secret', 'invalid_client (invalid client credentials)', 'what Salesforce said')
expectIn(wrongSecret, 'wrong-secret', "The consumer secret clientSecret (from settings.xml server 'standin-wrong-secret') does not match the consumer key.",
        'which setting, and where it was set')
expectIn(wrongSecret, 'wrong-secret', 'Copy both again from the app\'s settings (Consumer Key and Secret).', 'what to check')
expectIn(wrongSecret, 'wrong-secret', 'BUILD FAILURE', 'a refused login fails the build')

// 2: JWT signed with a key the app doesn't know.
expectIn(wrongKey, 'wrong-key', 'sfapi: Salesforce refused the OAuth 2.0 JWT bearer flow at', 'what failed')
expectIn(wrongKey, 'wrong-key', 'invalid_grant (invalid assertion)', 'what Salesforce said')
expectIn(wrongKey, 'wrong-key', "is the one made from the private key in privateKeyFile (from settings.xml server 'standin-wrong-key')",
        'which setting, and where it was set')
expectIn(wrongKey, 'wrong-key', 'Check that the certificate uploaded to the connected app', 'what to check')
expectIn(wrongKey, 'wrong-key', 'BUILD FAILURE', 'a refused login fails the build')

[wrongSecret, wrongKey].each { run ->
    assert !run.contains('sfapi: read ') && !run.contains('FAIL payroll-opportunities'): 'nothing is validated after a refused login'
}
// 3: the control. The same kind of server with the right secret gets in: the failure above was the secret.
expectIn(control, 'control', "sfapi: read 2 users (2 found) from org Acme (stand-in)", 'the right secret logs in')
expectIn(control, 'control', 'BUILD SUCCESS', 'failOnError=false: only the login matters here')

// The failed logins made no other call: every API call below is the control run's.
def requests = OrgIt.requestCounts(basedir)
def expected = [
        'OAUTH_TOKEN client_credentials'                  : 2,
        'OAUTH_TOKEN jwt-bearer'                          : 1,
        'REST_QUERY query(User)'                          : 1,
        'REST_QUERY query(PermissionSetAssignment)'       : 1,
        'REST_QUERY query(PermissionSetLicenseAssign)'    : 1,
        'REST_QUERY query(PermissionSetGroupComponent)'   : 1,
        'REST_QUERY query(UserLogin)'                     : 1,
        'REST_QUERY query(UserLicense)'                   : 1,
        'REST_QUERY query(PermissionSetLicense)'          : 1,
        'REST_QUERY query(Organization)'                  : 1,
        'METADATA_SOAP listMetadata(Profile)'             : 1,
        'METADATA_SOAP readMetadata(Profile)'             : 1,
        'METADATA_SOAP readMetadata(PermissionSet)'       : 1,
]
assert requests == expected: "the stand-in should have seen exactly ${expected}\nbut saw ${requests}"

// None of the run's credentials in build.log: both client secrets (clear and encrypted), the master
// password, both private keys (whole base64 body and each line), any access token of the stand-in.
def secrets = OrgIt.secrets(basedir)
assert secrets.keySet().containsAll(['client secret', 'wrong client secret', 'client secret, encrypted',
                                     'wrong client secret, encrypted', 'JWT private key, base64 body',
                                     'wrong JWT private key, base64 body', 'master password']):
        "the secrets to look for: ${secrets.keySet()}"
// The check finds them where they are, so its silence on build.log means something.
def standin = new File(basedir, 'target/standin')
assert OrgIt.leakedSecrets(basedir, new File(standin, 'settings.xml').text)
        .containsAll(['client secret, encrypted', 'wrong client secret, encrypted'])
assert OrgIt.leakedSecrets(basedir, new File(standin, 'wrong-key/server.key').text)
        .containsAll(['wrong JWT private key, line 2', 'a PEM private key'])
def leaked = OrgIt.leakedSecrets(basedir, log)
assert leaked.isEmpty(): "build.log shows credentials: $leaked"
true
