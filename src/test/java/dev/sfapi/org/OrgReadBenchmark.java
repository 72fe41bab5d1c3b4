package dev.sfapi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfapi.access.UserSetup;
import dev.sfapi.standin.CorpusOrg;
import dev.sfapi.standin.SalesforceStandIn;
import dev.sfapi.standin.org.Corpus;
import dev.sfapi.standin.org.MetadataDocument;
import dev.sfapi.standin.org.OrgModel;
import dev.sfapi.standin.org.OrgModelBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long reading an org takes next to its critical path, and how many requests it makes next to the
 * minimum. A stand-in org is built from real corpus files: 20 profiles, 60 permission sets, 50 integration
 * users (a profile each, three permission sets each, every set used), and 10 permission set groups (two of
 * those sets and a muting set each) held by the first 10 users. Every request waits 50 ms before it
 * is answered, as a distant org would. Not a unit test: tagged {@code benchmark}, skipped by default;
 * the command is in docs/benchmarks.md. Prints its figures and writes target/benchmarks/org-read.md.
 *
 * <p>The critical path is the longest chain of calls that depend on each other: authentication, then
 * the queries and listMetadata (all independent), then the readMetadata calls (they need the names the
 * queries found): 3 × latency, plus what the machine spends on the calls of that chain (measured here as
 * the same read with no latency).
 */
@Tag("benchmark")
class OrgReadBenchmark {

    static final int USERS = 50;
    static final int PROFILES = 20;
    static final int PERMISSION_SETS = 60;
    static final int SETS_PER_USER = 3;
    static final int GROUPS = 10;
    static final Duration LATENCY = Duration.ofMillis(Long.getLong("sfapi.bench.latencyMillis", 50));
    static final int WARMUP_ROUNDS = Integer.getInteger("sfapi.bench.warmup", 3);
    static final int MEASURED_ROUNDS = Integer.getInteger("sfapi.bench.rounds", 9);
    static final int CHAIN = 3;

    private static final Pattern LICENSE = Pattern.compile("<(userLicense|license)>([^<]+)</");

    @Test
    void readingFiftyUsersAgainstTheCriticalPath() throws Exception {
        Result corpus = run(build(true));
        Result small = run(build(false));

        StringBuilder out = new StringBuilder();
        out.append("## Validating against an org: measured ").append(java.time.LocalDate.now()).append("\n\n");
        out.append(USERS).append(" integration users over ").append(PROFILES).append(" profiles and ")
                .append(PERMISSION_SETS).append(" permission sets (three per user) and ").append(GROUPS)
                .append(" permission set groups with a muting set each, ").append(LATENCY.toMillis())
                .append(" ms latency per request; medians of ").append(MEASURED_ROUNDS).append(" runs after ")
                .append(WARMUP_ROUNDS).append(" warm-up runs. Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", load average ")
                .append(String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())).append(" at the end.\n\n");
        out.append("| | real corpus files | small generated components |\n|---|---|---|\n");
        row(out, "metadata served", corpus.xml(), small.xml());
        row(out, "requests made (minimum)", corpus.requests() + " (" + corpus.minimum() + ")",
                small.requests() + " (" + small.minimum() + ")");
        row(out, "most requests in flight at once", corpus.maxConcurrent(), small.maxConcurrent());
        row(out, "wall time, connect + read", corpus.wall(), small.wall());
        row(out, "same with no latency (work on the machine)", corpus.work(), small.work());
        row(out, "of it, the stand-in's own time (slowest readMetadata)", corpus.server(), small.server());
        row(out, "critical path: 3 × " + LATENCY.toMillis() + " ms + work", corpus.criticalPath(),
                small.criticalPath());
        row(out, "wall / critical path (goal ≤ 1.5)", corpus.ratio(), small.ratio());
        row(out, "wall / (3 × latency) alone", corpus.latencyRatio(), small.latencyRatio());
        out.append("\nRequests per endpoint (both): ").append(small.summary()).append("\n");
        System.out.println(out);
        Path report = Path.of("target/benchmarks/org-read.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    }

    record Result(String xml, int requests, int minimum, String maxConcurrent, String summary, long wallMillis,
                  long workMillis, long serverMillis) {

        String wall() {
            return wallMillis + " ms";
        }

        String work() {
            return workMillis + " ms";
        }

        String server() {
            return serverMillis + " ms";
        }

        String criticalPath() {
            return (CHAIN * LATENCY.toMillis() + workMillis) + " ms";
        }

        String ratio() {
            return String.format(Locale.ROOT, "%.2f", (double) wallMillis / (CHAIN * LATENCY.toMillis() + workMillis));
        }

        String latencyRatio() {
            return String.format(Locale.ROOT, "%.2f", (double) wallMillis / (CHAIN * LATENCY.toMillis()));
        }
    }

    private static Result run(Built built) throws Exception {
        List<String> usernames = built.usernames();
        int minimum = 1 /* auth */ + 8 /* one query per kind */ + 1 /* listMetadata(Profile) */
                + ceil(PROFILES) + ceil(PERMISSION_SETS) + ceil(GROUPS) /* muting sets, one per group */
                + ceil(GROUPS) /* PermissionSetGroup */;
        try (SalesforceStandIn org = SalesforceStandIn.start(built.model())) {
            ConnectionSettings settings = StandInSettings.settings(StandInSettings.clientCredentials(org));

            // Correctness and counts first, once, at the benchmark's latency.
            org.control().latency(LATENCY);
            org.log().clear();
            OrgAccess access = new OrgAccessReader(StandInSettings.connect(settings)).read(usernames);
            assertEquals(USERS, access.users().stream().filter(u -> u.status() == UserSetup.Status.ACTIVE).count());
            assertEquals(PROFILES, access.metadata().profiles().size());
            assertEquals(PERMISSION_SETS, access.metadata().permissionSets().size());
            assertEquals(GROUPS, access.metadata().groups().size(), "every group confirmed by its metadata");
            assertEquals(GROUPS, access.metadata().groupMetadata().size());
            assertEquals(GROUPS, access.metadata().mutingPermissionSets().size());
            assertEquals(List.of(), access.gaps());
            int requests = org.log().count();
            String summary = org.log().summary().toString();
            int maxConcurrent = org.log().maxConcurrent();
            assertEquals(minimum, requests, "requests made = the minimum: " + summary);
            assertTrue(maxConcurrent > 1, "independent calls overlap");

            long[] zero = measure(org, settings, usernames, Duration.ZERO);
            // The last no-latency run as the stand-in saw it: serialising the metadata is the server's share
            // of the work (a real org does it on its side; here it shares the machine with the client).
            List<dev.sfapi.standin.RequestRecord> last = org.log().requests();
            long slowestRead = last.subList(last.size() - minimum, last.size()).stream()
                    .filter(r -> "readMetadata".equals(r.operation()))
                    .mapToLong(dev.sfapi.standin.RequestRecord::millis).max().orElse(0);
            long[] slow = measure(org, settings, usernames, LATENCY);
            String xml = built.profileBytes() == 0 ? "generated, a few hundred bytes each"
                    : mb(built.profileBytes()) + " of profiles, " + mb(built.setBytes()) + " of permission sets";
            return new Result(xml, requests, minimum, String.valueOf(maxConcurrent), summary, median(slow),
                    median(zero), slowestRead);
        }
    }

    /** Wall times of connect + read, after warm-up rounds. */
    private static long[] measure(SalesforceStandIn org, ConnectionSettings settings, List<String> usernames,
                                  Duration latency) throws OrgException {
        org.control().latency(latency);
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            new OrgAccessReader(StandInSettings.connect(settings)).read(usernames);
        }
        long[] millis = new long[MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long start = System.nanoTime();
            new OrgAccessReader(StandInSettings.connect(settings)).read(usernames);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        return millis;
    }

    record Built(OrgModel model, List<String> usernames, long profileBytes, long setBytes) {
    }

    /**
     * The org: with {@code corpusFiles}, real profile and permission set files from the corpus (the
     * licenses they name defined); without, the stand-in's generated minimal components.
     */
    static Built build(boolean corpusFiles) throws IOException {
        Path corpus = Corpus.directory();
        List<Path> profileFiles = files(corpus, "__profiles__").stream().filter(p -> license(p) != null)
                .limit(PROFILES).toList();
        List<Path> setFiles = files(corpus, "__permissionsets__");
        assertEquals(PROFILES, profileFiles.size(), "enough corpus profiles with a <userLicense>");

        OrgModelBuilder b = CorpusOrg.builder();
        Set<String> userLicenses = new LinkedHashSet<>(List.of("Salesforce", "Salesforce Platform",
                "Salesforce Integration", "Partner Community"));
        Set<String> psls = new LinkedHashSet<>(List.of("SalesforceAPIIntegrationPsl"));
        for (Path p : profileFiles) {
            String l = license(p);
            if (userLicenses.add(l)) {
                b.userLicense(l, "BENCH_" + userLicenses.size(), 100);
            }
        }
        for (Path p : setFiles) {
            String l = license(p);
            if (l != null && !userLicenses.contains(l) && psls.add(l)) {
                b.permissionSetLicense(l, l, 100);
            }
        }
        long profileBytes = 0;
        List<String> profileNames = new ArrayList<>();
        for (int i = 0; i < PROFILES; i++) {
            Path file = profileFiles.get(i);
            String name = String.format("Bench Profile %02d", i + 1);
            profileNames.add(name);
            if (corpusFiles) {
                b.profile(name, s -> s.metadata(MetadataDocument.file(file)));
                profileBytes += Files.size(file);
            } else {
                b.profile(name, s -> s.userLicense("Salesforce"));
            }
        }
        long setBytes = 0;
        List<String> setNames = new ArrayList<>();
        for (int i = 0; i < PERMISSION_SETS; i++) {
            Path file = setFiles.get(i % setFiles.size());
            String name = String.format("Bench_Set_%02d", i + 1);
            setNames.add(name);
            if (corpusFiles) {
                b.permissionSet(name, s -> s.metadata(MetadataDocument.file(file)));
                setBytes += Files.size(file);
            } else {
                b.permissionSet(name, s -> s.label(name));
            }
        }
        // Groups of sets already held by someone (no extra set reads), each with a generated muting set.
        List<String> groupNames = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String name = String.format("Bench_Group_%02d", g + 1);
            String muting = String.format("Bench_Muting_%02d", g + 1);
            groupNames.add(name);
            b.mutingPermissionSet(muting, m -> m.label(muting));
            String[] members = {setNames.get((g * 7) % PERMISSION_SETS), setNames.get((g * 7 + 1) % PERMISSION_SETS)};
            b.permissionSetGroup(name, s -> s.permissionSets(members).mutingPermissionSets(muting));
        }
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String username = String.format("integration%02d@bench.example", i + 1);
            usernames.add(username);
            String[] sets = new String[SETS_PER_USER];
            for (int k = 0; k < SETS_PER_USER; k++) {
                sets[k] = setNames.get((i + k * (PERMISSION_SETS / SETS_PER_USER)) % PERMISSION_SETS);
            }
            String profile = profileNames.get(i % PROFILES);
            String[] groups = i < GROUPS ? new String[] {groupNames.get(i)} : new String[0];
            b.user(username, u -> u.profile(profile).permissionSets(sets).permissionSetGroups(groups)
                    .userType("Standard"));
        }
        return new Built(b.build(), usernames, profileBytes, setBytes);
    }

    private static List<Path> files(Path corpus, String marker) throws IOException {
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(marker)).sorted()
                    .toList();
        }
    }

    /** The first {@code <userLicense>} / {@code <license>} of a file, or null. */
    private static String license(Path file) {
        try {
            Matcher m = LICENSE.matcher(Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""));
            return m.find() ? m.group(2).trim() : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int ceil(int names) {
        return (names + OrgAccessReader.READ_METADATA_LIMIT - 1) / OrgAccessReader.READ_METADATA_LIMIT;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static void row(StringBuilder out, String what, String corpus, String small) {
        out.append("| ").append(what).append(" | ").append(corpus).append(" | ").append(small).append(" |\n");
    }
}
