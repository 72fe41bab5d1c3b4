// skip: -Dsfapi.skip=true skips the validation. This project has no sfapi-users.yml and no metadata, so
// the build could only pass if nothing was read.
def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'sfapi-users.yml').exists(): 'this IT must have no declaration, to prove nothing is read'
assert log.contains(':validate-api-users (default) @ skip ---'): 'the goal should still be invoked from the lifecycle'
assert log.contains('[INFO] sfapi: validation skipped (sfapi.skip=true)'): 'the log should say the validation was skipped'
assert log.contains('BUILD SUCCESS'): 'a skipped validation must not fail the build'
assert !log.contains('no declaration at'): 'a skipped validation must not look for the declaration'
assert !new File(basedir, 'target/sfapi-reports').exists(): 'a skipped validation writes no reports'
true
