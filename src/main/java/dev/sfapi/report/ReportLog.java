package dev.sfapi.report;

/**
 * Where the console report goes. The mojo adapts Maven's {@code Log} to this, so the report code stays
 * plain Java and a test can record every line with its level.
 */
public interface ReportLog {

    void info(String line);

    void warn(String line);

    void error(String line);
}
