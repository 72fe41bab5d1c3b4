// Before the validations from the snapshots: stop the stand-in, so that they can't reach an org even
// though settings.xml and the pom still name one. OrgIt.stop saves its request log for verify.groovy.
import dev.sfapi.it.OrgIt
assert OrgIt.stop(basedir): 'the stand-in should still have been running after invocations 1-3'
assert !OrgIt.running(basedir): 'the stand-in must be stopped before the validations from the snapshots'
true
