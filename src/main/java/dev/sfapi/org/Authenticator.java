package dev.sfapi.org;

import java.util.List;

/** One way of obtaining a session. Called once at the start and again when the session expires. */
public interface Authenticator {

    AuthMethod method();

    /** Authenticates anew; each call may make a request to Salesforce. */
    AccessGrant authenticate() throws OrgException;

    /** Things the user should hear about this method (SOAP login is legacy), for the build log. */
    default List<String> warnings() {
        return List.of();
    }
}
