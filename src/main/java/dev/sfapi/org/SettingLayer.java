package dev.sfapi.org;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One source of settings, e.g. the plugin parameters, a settings.xml server or the environment. Layers
 * are combined highest-precedence first by {@link ConnectionSettings#resolve}. Blank values count as
 * unset. {@link #toString()} lists the keys only, never values.
 */
public final class SettingLayer {

    private final String source;
    private final Map<SettingKey, String> values;
    private final Map<SettingKey, String> keySources;

    private SettingLayer(String source, Map<SettingKey, String> values, Map<SettingKey, String> keySources) {
        this.source = source;
        this.keySources = keySources.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(keySources));
        EnumMap<SettingKey, String> copy = new EnumMap<>(SettingKey.class);
        values.forEach((key, value) -> {
            // Trimmed: a secret read with $(cat file) often ends in a newline that would break the login.
            if (value != null && !value.isBlank()) {
                copy.put(key, value.trim());
                if (key.isSecret()) {
                    Redactor.register(value.trim()); // scrubbed from messages from now on
                }
            }
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /** A layer with the given values; {@code source} names it in messages ("plugin configuration"). */
    public static SettingLayer of(String source, Map<SettingKey, String> values) {
        return new SettingLayer(source, values, Map.of());
    }

    /**
     * A layer some of whose values come from a more precise place than {@code source}: {@code keySources}
     * names it per key ("-Dsfapi.accessToken"), for messages that say where a value came from.
     */
    public static SettingLayer of(String source, Map<SettingKey, String> values, Map<SettingKey, String> keySources) {
        return new SettingLayer(source, values, keySources);
    }

    /** A layer with nothing in it. */
    public static SettingLayer empty(String source) {
        return new SettingLayer(source, Map.of(), Map.of());
    }

    /** The {@code SFAPI_*} environment variables, looked up through {@code env} (System::getenv in Maven). */
    public static SettingLayer environment(Function<String, String> env) {
        EnumMap<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, env.apply(key.envVar()));
        }
        return new SettingLayer("the environment", values, Map.of());
    }

    public String source() {
        return source;
    }

    /** Where {@code key}'s value comes from: its own source when one was given, else the layer's. */
    public String source(SettingKey key) {
        return keySources.getOrDefault(key, source);
    }

    public Optional<String> get(SettingKey key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean has(SettingKey key) {
        return values.containsKey(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return source + " " + values.keySet();
    }
}
