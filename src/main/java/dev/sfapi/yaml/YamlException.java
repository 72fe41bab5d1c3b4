package dev.sfapi.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a YAML file cannot be accepted. Carries every problem found, not only the first, so a
 * person fixes the file in one go.
 */
public class YamlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<YamlProblem> problems;

    public YamlException(List<YamlProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public YamlException(YamlProblem problem) {
        this(List.of(problem));
    }

    public List<YamlProblem> problems() {
        return problems;
    }

    private static String format(List<YamlProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n" + problems.stream()
                .map(p -> "  - " + p)
                .collect(Collectors.joining("\n"));
    }
}
