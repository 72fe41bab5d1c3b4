package dev.sfapi.maven;

import dev.sfapi.report.ReportLog;
import org.apache.maven.plugin.logging.Log;

/** Maven's log as the reports' log. */
final class MavenReportLog implements ReportLog {

    private final Log log;

    MavenReportLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }
}
