package dev.sfapi.standin.org;

import dev.sfapi.yaml.Located;
import dev.sfapi.yaml.YamlException;
import dev.sfapi.yaml.YamlFields;
import dev.sfapi.yaml.YamlNode;
import dev.sfapi.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads an org fixture from YAML (for invoker ITs and the ready-made corpus org). Every mistake is
 * reported with file, line and column, all at once; names that refer to nothing are reported by
 * {@link OrgModelBuilder#build()}. Format (every key but the names optional):
 *
 * <pre>
 * org: {id: 00D…, name: Acme, apiVersions: ["62.0"], apiLimit: 15000, jwtAudiences: [https://login.salesforce.com]}
 * corpus: ../shared/corpus/metadata        # where "corpus:" references point; default: found upwards
 * userLicenses:          [{name: Salesforce Platform, key: AUL, total: 10}]
 * permissionSetLicenses: [{developerName: SalesforceAPIIntegrationPsl, label: Salesforce API Integration, total: 5}]
 * profiles:
 *   - fullName: 2cloudnine Payroll User
 *     name: …              # Profile.Name (label); default from the full name
 *     userLicense: …       # default: the metadata's &lt;userLicense&gt;
 *     metadata: corpus:Epic-ATS__NightlyBackup/force-app__main__default__profiles__2cloudnine Payroll User.profile-meta.xml
 *                          # or a path relative to this file; or metadataXml: "&lt;Profile …&gt;…" inline
 * permissionSets:        [{name, label, license, metadata | metadataXml}]
 * mutingPermissionSets:  [{name, label, metadata | metadataXml}]
 * permissionSetGroups:   [{name, label, permissionSets: […], mutingPermissionSets: […], metadata | metadataXml,
 *                          status: Outdated}]   # status: default the metadata's, else Updated
 * users:
 *   - username: …
 *     profile: …           # the profile's full name
 *     active: true, frozen: false, userType: Standard, firstName, lastName, email,
 *     password, securityToken,        # only for SOAP login()
 *     permissionSets: […], permissionSetGroups: […], permissionSetLicenses: […]
 *                          # each a name, or {name, expirationDate: 2020-01-01T00:00:00Z, revoked: true,
 *                          #   active: false} for an assignment that expires, was revoked or shows inactive
 * connectedApps:
 *   - clientId: …, clientSecret: …, jwtPublicKey: keys/jwt.pem (PUBLIC KEY or CERTIFICATE PEM),
 *     runAs: user (client credentials), jwtApprovedUsers: […], refreshTokens: {token: username}
 * metadata: [{type: CustomObject, fullName: Account, metadata | metadataXml}]   # any other component
 * </pre>
 */
public final class OrgFixture {

    private static final Set<String> ROOT = Set.of("org", "corpus", "userLicenses", "permissionSetLicenses", "profiles",
            "permissionSets", "mutingPermissionSets", "permissionSetGroups", "users", "connectedApps", "metadata");

    private final YamlFields f = new YamlFields();
    private final Path baseDir;
    private Path corpusDir;

    private OrgFixture(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** Reads a fixture file; relative paths in it are relative to its directory. */
    public static OrgModelBuilder load(Path file) throws IOException, YamlException {
        Path abs = file.toAbsolutePath().normalize();
        return new OrgFixture(abs.getParent()).read(YamlReader.read(abs));
    }

    /** Reads a fixture from the test classpath, e.g. {@code dev/sfapi/standin/corpus-org.yml}. */
    public static OrgModelBuilder loadResource(String resource) throws IOException, YamlException {
        URL url = OrgFixture.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("no fixture " + resource + " on the classpath");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return load(Paths.get(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new OrgFixture(Paths.get("").toAbsolutePath()).read(YamlReader.read(resource, text));
        }
    }

    private OrgModelBuilder read(YamlNode root) throws YamlException, IOException {
        OrgModelBuilder b = OrgModel.builder();
        Optional<YamlNode.Mapping> top = f.mapping(root, "an org fixture");
        if (top.isEmpty()) {
            f.throwIfAny();
        }
        YamlNode.Mapping m = top.get();
        f.onlyKeys(m, ROOT, "the org fixture");
        corpusDir = f.optionalText(m, "corpus", "corpus").map(c -> baseDir.resolve(c).normalize()).orElse(null);
        mapping(m, "org").ifPresent(org -> org(org, b));
        for (YamlNode.Mapping l : items(m, "userLicenses", Set.of("name", "key", "total"))) {
            String name = required(l, "name", "a user license");
            b.userLicense(name, f.optionalText(l, "key", "key").orElse(null), integer(l, "total", 10));
        }
        for (YamlNode.Mapping l : items(m, "permissionSetLicenses", Set.of("developerName", "label", "total"))) {
            String name = required(l, "developerName", "a permission set license");
            b.permissionSetLicense(name, f.optionalText(l, "label", "label").orElse(name), integer(l, "total", 10));
        }
        for (YamlNode.Mapping p : items(m, "profiles", Set.of("fullName", "name", "userLicense", "metadata", "metadataXml"))) {
            String name = required(p, "fullName", "a profile");
            MetadataDocument doc = document(p, "profile " + name);
            b.profile(name, s -> {
                f.optionalText(p, "name", "name").ifPresent(s::name);
                f.optionalText(p, "userLicense", "userLicense").ifPresent(s::userLicense);
                s.metadata(doc);
            });
        }
        for (YamlNode.Mapping p : items(m, "permissionSets", Set.of("name", "label", "license", "metadata", "metadataXml"))) {
            String name = required(p, "name", "a permission set");
            MetadataDocument doc = document(p, "permission set " + name);
            b.permissionSet(name, s -> {
                f.optionalText(p, "label", "label").ifPresent(s::label);
                f.optionalText(p, "license", "license").ifPresent(s::license);
                s.metadata(doc);
            });
        }
        for (YamlNode.Mapping p : items(m, "mutingPermissionSets", Set.of("name", "label", "metadata", "metadataXml"))) {
            String name = required(p, "name", "a muting permission set");
            MetadataDocument doc = document(p, "muting permission set " + name);
            b.mutingPermissionSet(name, s -> {
                f.optionalText(p, "label", "label").ifPresent(s::label);
                s.metadata(doc);
            });
        }
        for (YamlNode.Mapping p : items(m, "permissionSetGroups",
                Set.of("name", "label", "permissionSets", "mutingPermissionSets", "status", "metadata", "metadataXml"))) {
            String name = required(p, "name", "a permission set group");
            MetadataDocument doc = document(p, "permission set group " + name);
            b.permissionSetGroup(name, s -> {
                f.optionalText(p, "label", "label").ifPresent(s::label);
                f.optionalText(p, "status", "status").ifPresent(s::status);
                if (p.has("permissionSets")) {
                    s.permissionSets(texts(p, "permissionSets"));
                }
                if (p.has("mutingPermissionSets")) {
                    s.mutingPermissionSets(texts(p, "mutingPermissionSets"));
                }
                s.metadata(doc);
            });
        }
        for (YamlNode.Mapping u : items(m, "users", Set.of("username", "profile", "active", "frozen", "userType", "firstName",
                "lastName", "email", "password", "securityToken", "permissionSets", "permissionSetGroups",
                "permissionSetLicenses"))) {
            String name = required(u, "username", "a user");
            b.user(name, s -> {
                f.optionalText(u, "profile", "profile").ifPresent(s::profile);
                bool(u, "active").ifPresent(s::active);
                bool(u, "frozen").ifPresent(s::frozen);
                f.optionalText(u, "userType", "userType").ifPresent(s::userType);
                s.name(f.optionalText(u, "firstName", "firstName").orElse(null), f.optionalText(u, "lastName", "lastName").orElse(null));
                f.optionalText(u, "email", "email").ifPresent(s::email);
                f.optionalText(u, "password", "password").ifPresent(s::password);
                f.optionalText(u, "securityToken", "securityToken").ifPresent(s::securityToken);
                s.permissionSets(assignments(u, "permissionSets", s));
                s.permissionSetGroups(assignments(u, "permissionSetGroups", s));
                s.permissionSetLicenses(assignments(u, "permissionSetLicenses", s));
            });
        }
        for (YamlNode.Mapping a : items(m, "connectedApps",
                Set.of("clientId", "clientSecret", "jwtPublicKey", "runAs", "jwtApprovedUsers", "refreshTokens"))) {
            connectedApp(a, b);
        }
        for (YamlNode.Mapping c : items(m, "metadata", Set.of("type", "fullName", "metadata", "metadataXml"))) {
            String type = required(c, "type", "a metadata component");
            String name = required(c, "fullName", "a metadata component");
            MetadataDocument doc = document(c, type + " " + name);
            if (doc == null) {
                f.problem(c.location(), "metadata component " + type + " " + name + " has no document.",
                        "Add 'metadata:' (a file) or 'metadataXml:'.");
            } else {
                b.metadata(type, name, doc);
            }
        }
        f.throwIfAny();
        return b;
    }

    private void org(YamlNode.Mapping org, OrgModelBuilder b) {
        f.onlyKeys(org, Set.of("id", "name", "apiVersions", "apiLimit", "jwtAudiences"), "org");
        f.optionalText(org, "id", "org id").ifPresent(b::orgId);
        f.optionalText(org, "name", "org name").ifPresent(b::orgName);
        if (org.has("apiVersions")) {
            b.apiVersions(texts(org, "apiVersions"));
        }
        if (org.has("apiLimit")) {
            b.apiLimit(integer(org, "apiLimit", 15_000));
        }
        if (org.has("jwtAudiences")) {
            b.jwtAudiences(texts(org, "jwtAudiences"));
        }
    }

    private void connectedApp(YamlNode.Mapping a, OrgModelBuilder b) throws IOException {
        String id = required(a, "clientId", "a connected app");
        java.security.PublicKey key = null;
        Optional<String> keyFile = f.optionalText(a, "jwtPublicKey", "jwtPublicKey");
        if (keyFile.isPresent()) {
            Path p = baseDir.resolve(keyFile.get());
            if (!Files.isRegularFile(p)) {
                f.problem(a.get("jwtPublicKey").location(), "jwtPublicKey " + p + " does not exist.",
                        "Generate it first (StandInKeys.writeRsaKeyPair) or fix the path; it is relative to the fixture.");
            } else {
                key = PemKeys.readPublicKey(p);
            }
        }
        java.security.PublicKey jwtKey = key;
        String[] approved = a.has("jwtApprovedUsers") ? texts(a, "jwtApprovedUsers") : null;
        b.connectedApp(id, s -> {
            f.optionalText(a, "clientSecret", "clientSecret").ifPresent(s::clientSecret);
            f.optionalText(a, "runAs", "runAs").ifPresent(s::runAs);
            if (jwtKey != null) {
                s.jwtPublicKey(jwtKey);
            }
            if (approved != null) {
                s.jwtApprovedUsers(approved);
            }
            YamlNode tokens = a.get("refreshTokens");
            if (tokens != null) {
                f.mapping(tokens, "refreshTokens").ifPresent(tm -> tm.entries().values().forEach(e ->
                        f.text(e.value(), "the user of refresh token").ifPresent(user -> s.refreshToken(e.key(), user))));
            }
        });
    }

    /** The document of a component: {@code metadata:} (corpus: or a relative path) or {@code metadataXml:}. */
    private MetadataDocument document(YamlNode.Mapping m, String what) {
        Optional<String> inline = f.optionalText(m, "metadataXml", "metadataXml");
        Optional<String> ref = f.optionalText(m, "metadata", "metadata");
        if (inline.isPresent() && ref.isPresent()) {
            f.problem(m.location(), what + " has both 'metadata' and 'metadataXml'.", "Keep one.");
            return null;
        }
        if (inline.isPresent()) {
            return MetadataDocument.xml(what + " (inline)", inline.get());
        }
        if (ref.isEmpty()) {
            return null;
        }
        String r = ref.get();
        Path p;
        if (r.startsWith("corpus:")) {
            Path dir = corpusDir != null ? corpusDir : Corpus.directory(baseDir);
            p = dir.resolve(r.substring("corpus:".length())).normalize();
        } else {
            p = baseDir.resolve(r).normalize();
        }
        if (!Files.isRegularFile(p)) {
            f.problem(m.get("metadata").location(), "the metadata file of " + what + " does not exist: " + p, null);
            return null;
        }
        return MetadataDocument.file(p);
    }

    private Optional<YamlNode.Mapping> mapping(YamlNode.Mapping m, String key) {
        YamlNode n = m.get(key);
        return n == null ? Optional.empty() : f.mapping(n, "'" + key + "'");
    }

    private List<YamlNode.Mapping> items(YamlNode.Mapping m, String key, Set<String> allowed) {
        YamlNode n = m.get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) {
            return List.of();
        }
        List<YamlNode.Mapping> out = new java.util.ArrayList<>();
        f.sequence(n, "'" + key + "'").ifPresent(seq -> {
            for (YamlNode item : seq.items()) {
                f.mapping(item, "each entry of '" + key + "'").ifPresent(mm -> {
                    f.onlyKeys(mm, allowed, "an entry of '" + key + "'");
                    out.add(mm);
                });
            }
        });
        return out;
    }

    private String required(YamlNode.Mapping m, String key, String what) {
        if (!f.require(m, key, what)) {
            return "?";
        }
        return f.text(m.get(key), key).orElse("?");
    }

    /**
     * A user's assignments: each a name, or {@code {name: X, expirationDate: 2020-01-01T00:00:00Z, revoked:
     * true, active: false}} for one that expires, was revoked by a user access policy or shows inactive.
     */
    private String[] assignments(YamlNode.Mapping u, String key, OrgModelBuilder.UserSpec spec) {
        YamlNode n = u.get(key);
        if (n == null || (n instanceof YamlNode.Scalar sc && sc.isNull())) {
            return new String[0];
        }
        List<String> names = new java.util.ArrayList<>();
        f.sequence(n, "'" + key + "'").ifPresent(seq -> {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof YamlNode.Mapping a)) {
                    f.text(item, "an entry of '" + key + "'").ifPresent(names::add);
                    continue;
                }
                f.onlyKeys(a, Set.of("name", "expirationDate", "revoked", "active"), "an assignment in '" + key + "'");
                String name = required(a, "name", "an assignment in '" + key + "'");
                names.add(name);
                f.optionalText(a, "expirationDate", "expirationDate").ifPresent(t -> {
                    try {
                        java.time.Instant at = java.time.OffsetDateTime.parse(t).toInstant();
                        spec.assignment(name, st -> st.expires(at));
                    } catch (java.time.format.DateTimeParseException e) {
                        f.problem(a.get("expirationDate").location(), "expirationDate '" + t + "' is not a date"
                                + " and time.", "Write it as 2020-01-01T00:00:00Z.");
                    }
                });
                bool(a, "revoked").filter(Boolean::booleanValue).ifPresent(r -> spec.assignment(name,
                        AssignmentState::revoke));
                bool(a, "active").ifPresent(active -> spec.assignment(name, st -> st.active(active)));
            }
        });
        return names.toArray(String[]::new);
    }

    private String[] texts(YamlNode.Mapping m, String key) {
        return f.textList(m, key, "'" + key + "'").stream().map(Located::value).toArray(String[]::new);
    }

    private Optional<Boolean> bool(YamlNode.Mapping m, String key) {
        YamlNode n = m.get(key);
        return n == null ? Optional.empty() : f.bool(n, "'" + key + "'");
    }

    private int integer(YamlNode.Mapping m, String key, int dflt) {
        YamlNode n = m.get(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NUMBER) {
            try {
                return Integer.parseInt(s.text());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        f.problem(n.location(), "'" + key + "' must be a whole number, but this is " + n.kind() + ".", null);
        return dflt;
    }
}
