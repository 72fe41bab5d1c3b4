// Starts the Salesforce stand-in on loopback and writes the settings.xml server the build connects with
// (see dev.sfapi.it.OrgIt); verify.groovy stops it, also when the build went wrong.
dev.sfapi.it.OrgIt.start(basedir, sfapiCorpus)
true
