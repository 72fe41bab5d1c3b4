package dev.sfapi.standin.org;

/**
 * One component the Metadata API serves: its type ({@code Profile}), full name, id (the same id SOQL
 * shows, so a client can map User.ProfileId to a full name through listMetadata) and its document.
 */
public record MetadataComponent(String type, String fullName, String id, MetadataDocument document) {
}
