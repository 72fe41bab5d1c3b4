package dev.sfapi.report;

import dev.sfapi.check.Finding;
import dev.sfapi.check.IntegrationResult;
import dev.sfapi.check.Requirement;
import dev.sfapi.check.RequirementResult;
import dev.sfapi.check.Severity;
import dev.sfapi.check.ValidationReport;
import dev.sfapi.check.Verdict;
import dev.sfapi.yaml.YamlLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report CI test tabs read: JUnit XML with one test case per integration × requirement.
 *
 * <p>Shape, and why:
 * <ul>
 *   <li>One file, a {@code <testsuites>} root with one {@code <testsuite>} per integration (named after
 *       it, with the user, license and profile as properties). Tools that list suites (the GitHub
 *       test-report actions, Azure DevOps) then show one row per integration with its own counts;
 *       tools that group by class (Jenkins, and GitLab, which shows {@code classname} as "Suite" and
 *       ignores the suite name) get the same grouping from {@code classname = integration}.</li>
 *   <li>{@code name} is the requirement's title ("Opportunity: edit"). GitLab keys test cases by
 *       classname + name, so a title that repeats inside one integration gets " (2)", " (3)" rather
 *       than silently merging two cases.</li>
 *   <li>FAIL: {@code <failure message=reason type=check-id>}, the body gives every finding with its
 *       fix and declaration line.</li>
 *   <li>WARN ("cannot tell", unverified license): {@code <skipped>}. JUnit has only pass, failure,
 *       error and skipped. A pass would claim what the plugin could not verify; a failure would turn
 *       the CI test tab red on a build that passes (warnings fail it only with failOnWarning). Skipped
 *       is the one outcome every tool shows as "not verified" (Jenkins and GitLab: skipped, Azure
 *       DevOps: Not executed). Jenkins shows only a skipped test's {@code message}, so the message
 *       carries check id, reason and fix.</li>
 *   <li>PASS: a plain test case whose {@code <system-out>} says what grants it.</li>
 *   <li>Every case has a {@code <system-out>} with integration, user, license, profile and where the
 *       requirement is declared, and {@code file}/{@code line} attributes, which some tools turn
 *       into links or annotations and the others ignore.</li>
 *   <li>Findings not tied to one integration (shared users, drift) are cases of a suite named
 *       {@value #GENERAL}, so nothing that affects the verdict is missing from the tab.</li>
 *   <li>{@code errors} is always 0: in JUnit an error means the test itself broke; a fault in the
 *       plugin stops the build instead of producing a report.</li>
 * </ul>
 * Written with the JDK's own StAX writer, which escapes markup characters; text is first cleaned of
 * characters XML 1.0 cannot carry.
 */
public final class JUnitXmlReport {

    /** Suite and class name for findings that belong to no single integration. */
    public static final String GENERAL = "(not tied to one integration)";

    private record Case(String classname, String name, Verdict verdict, String outcomeMessage, String type,
                        String details, String systemOut, YamlLocation location) {
    }

    private record Suite(String name, Map<String, String> properties, List<Case> cases) {
        long count(Verdict v) {
            return cases.stream().filter(c -> c.verdict() == v).count();
        }
    }

    /** Writes the report as UTF-8 XML; the stream is flushed, not closed. */
    public void write(ValidationReport report, OutputStream out) throws IOException {
        List<Suite> suites = suites(report);
        try {
            // newDefaultFactory: the JDK's writer, whatever other StAX implementation Maven has loaded.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(xml).write(suites);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw io;
            }
            throw new IOException("Cannot write the JUnit XML report", e);
        }
        out.flush();
    }

    private static List<Suite> suites(ValidationReport report) {
        List<Suite> suites = new ArrayList<>();
        for (IntegrationResult integration : report.integrations()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("user", Text.orUnknown(integration.user()));
            properties.put("license", Text.orUnknown(integration.license()));
            properties.put("profile", Text.orUnknown(integration.profile()));
            properties.put("declaration", Text.orUnknown(report.declaration()));
            properties.put("source", Text.orUnknown(report.source()));
            List<Case> cases = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            // Jenkins splits a classname at its dots into package and class: "erp.sync" would show as
            // class "sync" in package "erp". Dots become underscores so each integration stays whole.
            String classname = Text.clean(integration.integration()).replace('.', '_');
            for (RequirementResult result : integration.results()) {
                cases.add(requirementCase(classname, unique(seen, Text.clean(result.requirement().title())),
                        integration, result));
            }
            suites.add(new Suite(classname, properties, cases));
        }
        if (!report.general().isEmpty()) {
            List<Case> cases = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Finding f : report.general()) {
                String name = unique(seen, f.check().id() + ": " + Text.about(f));
                cases.add(findingCase(name, f, report));
            }
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("declaration", Text.orUnknown(report.declaration()));
            properties.put("source", Text.orUnknown(report.source()));
            suites.add(new Suite(GENERAL, properties, cases));
        }
        return suites;
    }

    private static String unique(Map<String, Integer> seen, String name) {
        int n = seen.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + " (" + n + ")";
    }

    private static Case requirementCase(String classname, String name, IntegrationResult integration,
                                        RequirementResult result) {
        Requirement requirement = result.requirement();
        StringBuilder out = new StringBuilder()
                .append("requirement: ").append(Text.clean(requirement.title())).append('\n')
                .append("integration: ").append(Text.clean(integration.integration())).append('\n')
                .append("user: ").append(Text.orUnknown(integration.user())).append('\n')
                .append("license: ").append(Text.orUnknown(integration.license())).append('\n')
                .append("profile: ").append(Text.orUnknown(integration.profile())).append('\n');
        if (requirement.location() != null) {
            out.append("declared at: ").append(Text.clean(requirement.location().toString()));
            out.append(requirement.implied() ? " (implied by the declaration)\n" : "\n");
        }
        Verdict verdict = result.verdict();
        if (verdict == Verdict.PASS) {
            out.append("granted by: ").append(result.grantedBy() == null
                    ? "not recorded by the checks" : Text.clean(result.grantedBy())).append('\n');
        }
        return outcome(classname, name, verdict, result.findings(), out.toString(), requirement.location());
    }

    private static Case findingCase(String name, Finding f, ValidationReport report) {
        String out = "declaration: " + Text.orUnknown(report.declaration()) + "\n"
                + (f.user() == null ? "" : "user: " + Text.clean(f.user()) + "\n");
        return outcome(GENERAL, name, Verdict.of(List.of(f)), List.of(f), out, f.location());
    }

    private static Case outcome(String classname, String name, Verdict verdict, List<Finding> findings,
                                String systemOut, YamlLocation requirementLocation) {
        StringBuilder details = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (Finding f : findings) {
            StringBuilder target = f.severity() == Severity.INFO && verdict == Verdict.PASS ? notes : details;
            if (!target.isEmpty()) {
                target.append('\n');
            }
            target.append(f.severity().label()).append(' ').append(f.check().id()).append(": ")
                    .append(Text.about(f)).append('\n');
            if (!Text.clean(f.reason()).isEmpty()) {
                target.append(Text.clean(f.reason())).append('\n');
            }
            if (!Text.clean(f.fix()).isEmpty()) {
                target.append("fix: ").append(Text.clean(f.fix())).append('\n');
            }
            YamlLocation at = f.location() != null ? f.location() : requirementLocation;
            if (at != null) {
                target.append("declared at: ").append(Text.clean(at.toString())).append('\n');
            }
        }
        String out = notes.isEmpty() ? systemOut : systemOut + "\n" + notes;
        return switch (verdict) {
            case PASS -> new Case(classname, name, verdict, null, null, null, out, requirementLocation);
            case FAIL -> {
                Finding first = first(findings, Severity.ERROR);
                yield new Case(classname, name, verdict, Text.clean(first.reason()), first.check().id(),
                        details.toString(), out, requirementLocation);
            }
            case WARN -> {
                Finding first = first(findings, Severity.WARNING);
                String message = first.check().id() + ": " + Text.clean(first.reason())
                        + (Text.clean(first.fix()).isEmpty() ? "" : " fix: " + Text.clean(first.fix()));
                yield new Case(classname, name, verdict, message, null, details.toString(), out,
                        requirementLocation);
            }
        };
    }

    private static Finding first(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).findFirst().orElseThrow();
    }

    /** Streams the suites out, indented so a person can read the file too. */
    private static final class Writer {
        private final XMLStreamWriter xml;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void write(List<Suite> suites) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "sfapi:validate-api-users");
            counts(suites.stream().mapToLong(s -> s.cases().size()).sum(),
                    suites.stream().mapToLong(s -> s.count(Verdict.FAIL)).sum(),
                    suites.stream().mapToLong(s -> s.count(Verdict.WARN)).sum());
            for (Suite suite : suites) {
                suite(suite);
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private void counts(long tests, long failures, long skipped) throws XMLStreamException {
            xml.writeAttribute("tests", Long.toString(tests));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", "0");
        }

        private void suite(Suite suite) throws XMLStreamException {
            newline(1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite.name());
            counts(suite.cases().size(), suite.count(Verdict.FAIL), suite.count(Verdict.WARN));
            newline(2);
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> p : suite.properties().entrySet()) {
                newline(3);
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", p.getKey());
                xml.writeAttribute("value", p.getValue());
            }
            newline(2);
            xml.writeEndElement();
            for (Case c : suite.cases()) {
                testcase(c);
            }
            newline(1);
            xml.writeEndElement();
        }

        private void testcase(Case c) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", c.classname());
            xml.writeAttribute("name", c.name());
            if (c.location() != null && c.location().isKnown()) {
                xml.writeAttribute("file", Text.clean(c.location().source()));
                xml.writeAttribute("line", Integer.toString(c.location().line()));
            }
            xml.writeAttribute("time", "0");
            if (c.verdict() == Verdict.FAIL) {
                newline(3);
                xml.writeStartElement("failure");
                xml.writeAttribute("message", c.outcomeMessage());
                xml.writeAttribute("type", c.type());
                xml.writeCharacters(c.details());
                xml.writeEndElement();
            } else if (c.verdict() == Verdict.WARN) {
                newline(3);
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", c.outcomeMessage());
                xml.writeCharacters(c.details());
                xml.writeEndElement();
            }
            newline(3);
            xml.writeStartElement("system-out");
            xml.writeCharacters(c.systemOut());
            xml.writeEndElement();
            newline(2);
            xml.writeEndElement();
        }

        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
