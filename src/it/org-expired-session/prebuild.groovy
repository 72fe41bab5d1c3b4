// Starts the stand-in (see dev.sfapi.it.OrgIt) and arms its fault switch: every session alive after
// 3 more API requests expires then (INVALID_SESSION_ID), in the middle of the plugin's first wave of calls.
dev.sfapi.it.OrgIt.start(basedir, sfapiCorpus).control().expireSessionsAfter(3)
true
