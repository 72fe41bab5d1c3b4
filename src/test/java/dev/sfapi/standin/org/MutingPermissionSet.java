package dev.sfapi.standin.org;

/** A muting permission set; SOQL shows DeveloperName and NamespacePrefix apart. */
public record MutingPermissionSet(String id, String fullName, String label, MetadataDocument metadata) {

    public String namespacePrefix() {
        return Names.namespace(fullName);
    }

    public String developerName() {
        return Names.withoutNamespace(fullName);
    }
}
