package dev.sfapi.yaml;

/** A value together with where it was written. */
public record Located<T>(T value, YamlLocation location) {
}
