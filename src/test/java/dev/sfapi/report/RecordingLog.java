package dev.sfapi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A ReportLog that keeps every line with its level, the way Maven would print it. */
final class RecordingLog implements ReportLog {

    enum Level { INFO, WARN, ERROR }

    record Line(Level level, String text) {
        /** As Maven shows it: "[ERROR] text". */
        String printed() {
            return "[" + (level == Level.WARN ? "WARNING" : level.name()) + "] " + text;
        }
    }

    final List<Line> lines = new ArrayList<>();

    @Override
    public void info(String line) {
        lines.add(new Line(Level.INFO, line));
    }

    @Override
    public void warn(String line) {
        lines.add(new Line(Level.WARN, line));
    }

    @Override
    public void error(String line) {
        lines.add(new Line(Level.ERROR, line));
    }

    String printed() {
        return lines.stream().map(Line::printed).collect(Collectors.joining("\n"));
    }
}
