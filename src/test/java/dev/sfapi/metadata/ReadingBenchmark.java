package dev.sfapi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the whole corpus with {@link MetadataReader} and compares it with a bare StAX scan of the same
 * bytes (the floor: every event visited, nothing kept). Not a unit test: it is tagged {@code benchmark},
 * which surefire excludes by default. Run it with the command in docs/benchmarks.md; it prints its
 * figures and writes them to target/benchmarks/reading-metadata.md.
 *
 * <p>All files are read into memory first so the disk is not measured. Each measurement is preceded
 * by warm-up rounds; reported times are medians, floor and reader runs alternate so both see the same
 * machine conditions.
 */
@Tag("benchmark")
class ReadingBenchmark {

    private static final int WARMUP_ROUNDS = Integer.getInteger("sfapi.bench.warmup", 15);
    private static final int MEASURED_ROUNDS = Integer.getInteger("sfapi.bench.rounds", 21);

    record Doc(String name, MetadataKind kind, String fullName, byte[] bytes) {
    }

    @Test
    void readingTheCorpusAgainstABareStaxScan() throws Exception {
        List<Doc> docs = loadCorpus();
        long totalBytes = docs.stream().mapToLong(d -> d.bytes().length).sum();
        MetadataReader reader = new MetadataReader();

        // Sanity: both loops see every file; the reader's totals match the corpus test's expectations.
        long events = floor(docs);
        long entries = read(reader, docs);
        assertTrue(events > 1_000_000, "events " + events);
        assertEquals(6091 + 125210 + 1800, entries, "objectPermissions + fieldPermissions + userPermissions entries"
                + " outside comments across the corpus");

        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            floor(docs);
            read(reader, docs);
        }
        long[] floorNanos = new long[MEASURED_ROUNDS];
        long[] readerNanos = new long[MEASURED_ROUNDS];
        String loadBefore = loadAverage();
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            // Alternate which loop goes first so neither always runs right after a GC the other caused.
            if (i % 2 == 0) {
                floorNanos[i] = timed(() -> floor(docs));
                readerNanos[i] = timed(() -> read(reader, docs));
            } else {
                readerNanos[i] = timed(() -> read(reader, docs));
                floorNanos[i] = timed(() -> floor(docs));
            }
        }
        String loadAfter = loadAverage();
        double floorMs = median(floorNanos) / 1e6;
        double readerMs = median(readerNanos) / 1e6;
        long[] ratioPermille = new long[MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            ratioPermille[i] = Math.round(1000.0 * readerNanos[i] / floorNanos[i]);
        }
        double ratio = median(ratioPermille) / 1000;

        long floorAlloc = allocatedBy(() -> floor(docs));
        long readerAlloc = allocatedBy(() -> read(reader, docs));

        Doc biggest = docs.stream().max(Comparator.comparingInt(d -> d.bytes().length)).orElseThrow();
        Doc small = docs.stream().filter(d -> d.kind() != MetadataKind.PERMISSION_SET_GROUP)
                .filter(d -> d.bytes().length > 4_000 && d.bytes().length < 6_000).findFirst().orElseThrow();
        MetadataReader filtered = new MetadataReader(
                PermissionFilter.only(List.of("Account", "Opportunity"), List.of("Account.Name")));
        // Heap held per result: many copies are kept so that GC noise averages out.
        long heapBigAll = retainedPerCopy(20, () -> readOne(reader, biggest));
        long heapSmallAll = retainedPerCopy(2000, () -> readOne(reader, small));
        long heapBigFiltered = retainedPerCopy(200, () -> readOne(filtered, biggest));
        long heapSmallFiltered = retainedPerCopy(2000, () -> readOne(filtered, small));
        long corpusAll = retainedPerCopy(1, () -> readAll(reader, docs));
        long corpusFiltered = retainedPerCopy(1, () -> readAll(filtered, docs));

        double mb = totalBytes / 1e6;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Corpus: %d files, %.1f MB (%,d bytes), %,d StAX events, %,d entries%n",
                docs.size(), mb, totalBytes, events, entries));
        out.append(String.format(Locale.ROOT, "Java %s, %d CPUs, max heap %d MB; %d warm-up + %d measured rounds"
                        + " (median); load average before %s, after %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                WARMUP_ROUNDS, MEASURED_ROUNDS, loadBefore, loadAfter));
        out.append("| | wall time (median) | throughput | allocated per run |\n|---|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| bare StAX scan (floor) | %.0f ms | %.0f MB/s | %.0f MB |%n",
                floorMs, mb / (floorMs / 1000), floorAlloc / 1e6));
        out.append(String.format(Locale.ROOT, "| MetadataReader, all entries | %.0f ms | %.0f MB/s | %.0f MB |%n",
                readerMs, mb / (readerMs / 1000), readerAlloc / 1e6));
        out.append(String.format(Locale.ROOT, "%nReader / floor: %.2fx (median of the per-round ratios; ratio of"
                + " medians %.2fx; goal: at most 1.5x)%n%n", ratio, readerMs / floorMs));
        out.append("Heap held by the results (used heap after GC while holding them, minus before; per result):\n\n");
        out.append("| file | size | all entries | filter (Account, Opportunity, Account.Name) |\n|---|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| %s | %,d bytes | %,.0f KB | %,.1f KB |%n", biggest.name(),
                biggest.bytes().length, heapBigAll / 1e3, heapBigFiltered / 1e3));
        out.append(String.format(Locale.ROOT, "| %s | %,d bytes | %,.1f KB | %,.1f KB |%n", small.name(),
                small.bytes().length, heapSmallAll / 1e3, heapSmallFiltered / 1e3));
        out.append(String.format(Locale.ROOT, "| whole corpus, all %d results held | %,d bytes | %,.1f MB | %,.0f KB |%n",
                docs.size(), totalBytes, corpusAll / 1e6, corpusFiltered / 1e3));
        String report = out.toString();
        System.out.println(report);
        Path target = Path.of("target", "benchmarks");
        Files.createDirectories(target);
        Files.writeString(target.resolve("reading-metadata.md"), report, StandardCharsets.UTF_8);
    }

    // ---- the two loops --------------------------------------------------------------------------------

    /** The floor: create a reader with the same factory settings and visit every event. */
    private static long floor(List<Doc> docs) throws XMLStreamException {
        long events = 0;
        for (Doc d : docs) {
            XMLStreamReader r = MetadataReader.newStreamReader(new ByteArrayInputStream(d.bytes()));
            while (r.hasNext()) {
                r.next();
                events++;
            }
            r.close();
        }
        return events;
    }

    private static long read(MetadataReader reader, List<Doc> docs) throws MetadataException {
        long entries = 0;
        for (Doc d : docs) {
            if (d.kind() == MetadataKind.PERMISSION_SET_GROUP) {
                reader.readGroup(new ByteArrayInputStream(d.bytes()), d.fullName(), d.name());
            } else {
                MetadataReader.Result r = reader.readCounted(new ByteArrayInputStream(d.bytes()), d.kind(),
                        d.fullName(), d.name());
                entries += r.objectEntries() + r.fieldEntries() + r.userPermissionEntries();
            }
        }
        return entries;
    }

    private static Object readAll(MetadataReader reader, List<Doc> docs) throws MetadataException {
        List<Object> all = new ArrayList<>();
        for (Doc d : docs) {
            all.add(d.kind() == MetadataKind.PERMISSION_SET_GROUP
                    ? reader.readGroup(new ByteArrayInputStream(d.bytes()), d.fullName(), d.name())
                    : readOne(reader, d));
        }
        return all;
    }

    private static Object readOne(MetadataReader reader, Doc d) throws MetadataException {
        return reader.readPermissions(new ByteArrayInputStream(d.bytes()), d.kind(), d.fullName(), d.name());
    }

    // ---- measuring ------------------------------------------------------------------------------------

    interface Work {
        Object run() throws Exception;
    }

    private static long timed(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return System.nanoTime() - t0;
    }

    /** The 1-minute load average, to show how busy the (shared) machine was; "?" where unknown. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
        }
    }

    private static long allocatedBy(Work work) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        work.run();
        return threads.getThreadAllocatedBytes(tid) - before;
    }

    private static Object keep;

    private static long retainedPerCopy(int copies, Work work) throws Exception {
        keep = null;
        long before = usedAfterGc();
        Object[] results = new Object[copies];
        for (int i = 0; i < copies; i++) {
            results[i] = work.run();
        }
        keep = results;
        long after = usedAfterGc();
        keep = null;
        return (after - before - 16L - 4L * copies) / copies;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static List<Doc> loadCorpus() throws Exception {
        Path corpus = Fixtures.corpus();
        List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<Doc> docs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            MetadataKind kind = MetadataKind.ofFileName(c[0]).orElseThrow();
            String fullName = kind.fullNameOf(Path.of(c[2]).getFileName().toString());
            docs.add(new Doc(c[0], kind, fullName, Files.readAllBytes(corpus.resolve(c[0]))));
        }
        return docs;
    }
}
