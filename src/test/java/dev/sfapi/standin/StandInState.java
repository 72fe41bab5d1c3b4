package dev.sfapi.standin;

import dev.sfapi.standin.auth.Sessions;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.User;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the services share: the org, the sessions, the switches, and the API usage counter that
 * {@code Sforce-Limit-Info} reports. One per running stand-in.
 */
public final class StandInState {

    private final OrgModel org;
    private final String baseUrl;
    private final Sessions sessions;
    private final StandInControl control;
    private final AtomicInteger apiUsage = new AtomicInteger();

    StandInState(OrgModel org, String baseUrl) {
        this.org = org;
        this.baseUrl = baseUrl;
        this.sessions = new Sessions(org.orgId());
        this.control = new StandInControl(sessions::expireAll, sessions::expireAfter, apiUsage::set);
    }

    public OrgModel org() {
        return org;
    }

    /** {@code http://127.0.0.1:<port>} (https for a TLS stand-in): the login URL and the instance URL at once. */
    public String baseUrl() {
        return baseUrl;
    }

    public Sessions sessions() {
        return sessions;
    }

    public StandInControl control() {
        return control;
    }

    /** The user behind a valid session id, counting one API request towards an armed expiry. */
    public Optional<User> sessionUser(String token) {
        return sessions.validate(token).flatMap(id -> org.byId(id)).filter(User.class::isInstance).map(User.class::cast);
    }

    /** Counts one API request; false when the org's daily limit is already used up. */
    public boolean countApiRequest() {
        return apiUsage.incrementAndGet() <= org.apiLimit();
    }

    public int apiUsage() {
        return apiUsage.get();
    }

    /** The value of the {@code Sforce-Limit-Info} header. */
    public String limitInfo() {
        return "api-usage=" + Math.min(apiUsage.get(), org.apiLimit()) + "/" + org.apiLimit();
    }
}
