package dev.sfapi.org;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's API request count from the {@code Sforce-Limit-Info} response header
 * ({@code api-usage=18/5000}): used and allowed requests in the rolling 24 hours.
 *
 * @param used  requests used
 * @param limit requests allowed
 */
public record ApiUsage(long used, long limit) {

    private static final Pattern API_USAGE = Pattern.compile("(?<![\\w-])api-usage=(\\d+)/(\\d+)");

    /** Parses the header value; empty when it holds no api-usage part. */
    public static Optional<ApiUsage> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = API_USAGE.matcher(header);
        return m.find() ? Optional.of(new ApiUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "API requests in the last 24 h: " + used + " of " + limit;
    }
}
