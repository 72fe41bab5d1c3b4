package dev.sfapi.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps every line with its level, the way build.log shows it ("[ERROR] …"). */
final class CapturingLog implements Log {

    private final List<String> lines = new ArrayList<>();

    List<String> lines() {
        return lines;
    }

    /** Everything logged, one line each, as Maven prints it. */
    String text() {
        return String.join("\n", lines);
    }

    /** Lines logged at {@code level} ("ERROR", "WARNING", "INFO", "DEBUG"). */
    List<String> at(String level) {
        String prefix = "[" + level + "] ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    private void add(String level, CharSequence content, Throwable error) {
        String text = content == null ? "" : content.toString();
        if (error != null) {
            text += (text.isEmpty() ? "" : " ") + error;
        }
        for (String line : text.split("\n", -1)) {
            lines.add("[" + level + "] " + line);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        add("DEBUG", content, null);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add("DEBUG", content, error);
    }

    @Override
    public void debug(Throwable error) {
        add("DEBUG", null, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("INFO", content, error);
    }

    @Override
    public void info(Throwable error) {
        add("INFO", null, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARNING", content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("WARNING", content, error);
    }

    @Override
    public void warn(Throwable error) {
        add("WARNING", null, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("ERROR", content, error);
    }

    @Override
    public void error(Throwable error) {
        add("ERROR", null, error);
    }
}
