package dev.sfapi.standin.soap;

import com.sforce.ws.bind.TypeMapper;
import com.sforce.ws.bind.XMLizable;
import com.sforce.ws.parser.XmlOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/**
 * The 62.0 schema of a metadata type, taken from the generated classes in the force-metadata-api jar
 * rather than written down by hand: wsc reads a type's children strictly in the order its
 * {@code writeFields} writes them, so the stand-in asks the class itself. It fills every property of
 * an instance, lets the class serialize itself, and records the order of the child elements; a
 * property's Java type says whether the child is text, an enum (with its allowed values) or another
 * complex type, which is probed the same way.
 */
public final class MetadataSchema {

    static final String METADATA_NS = "http://soap.sforce.com/2006/04/metadata";
    private static final String PACKAGE = "com.sforce.soap.metadata.";
    private static final Map<Class<?>, MetadataSchema> CACHE = new ConcurrentHashMap<>();

    /** One child element of a complex type. */
    public record Child(String name, Kind kind, Class<?> complexType, Set<String> enumValues) {
    }

    public enum Kind { TEXT, BOOLEAN, NUMBER, ENUM, COMPLEX }

    private final Class<?> type;
    private final List<Child> children;

    private MetadataSchema(Class<?> type, List<Child> children) {
        this.type = type;
        this.children = List.copyOf(children);
    }

    /** The schema of a metadata type by its API name ({@code Profile}), if the 62.0 jar knows it. */
    public static Optional<MetadataSchema> forType(String typeName) {
        if (!typeName.matches("[A-Za-z][A-Za-z0-9]*")) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(PACKAGE + typeName);
            Class<?> metadata = Class.forName(PACKAGE + "Metadata");
            if (!metadata.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) {
                return Optional.empty();
            }
            return Optional.of(of(c));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    public static MetadataSchema of(Class<?> type) {
        MetadataSchema known = CACHE.get(type);
        if (known == null) {
            known = probe(type);
            CACHE.putIfAbsent(type, known);
        }
        return known;
    }

    public Class<?> type() {
        return type;
    }

    /** Children in schema order (for metadata types {@code fullName} first, inherited from Metadata). */
    public List<Child> children() {
        return children;
    }

    public Optional<Child> child(String name) {
        return children.stream().filter(c -> c.name.equals(name)).findFirst();
    }

    private static MetadataSchema probe(Class<?> type) {
        try {
            Object instance = type.getDeclaredConstructor().newInstance();
            Map<String, Method> setters = new ConcurrentHashMap<>();
            for (Method m : type.getMethods()) {
                if (m.getName().startsWith("set") && m.getParameterCount() == 1 && Modifier.isPublic(m.getModifiers())) {
                    Object sample = sample(m.getParameterTypes()[0]);
                    if (sample != null) {
                        m.invoke(instance, sample);
                        setters.put(m.getName().substring(3).toLowerCase(Locale.ROOT), m);
                    }
                }
            }
            List<String> order = writtenChildren((XMLizable) instance);
            List<Child> children = new ArrayList<>();
            for (String name : order) {
                Method setter = setters.get(name.toLowerCase(Locale.ROOT));
                children.add(setter == null ? new Child(name, Kind.TEXT, null, Set.of())
                        : describe(name, setter.getParameterTypes()[0]));
            }
            return new MetadataSchema(type, children);
        } catch (ReflectiveOperationException | IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot read the schema of " + type.getName() + " from the metadata jar", e);
        }
    }

    private static Child describe(String name, Class<?> javaType) {
        Class<?> t = javaType.isArray() ? javaType.getComponentType() : javaType;
        if (t == boolean.class || t == Boolean.class) {
            return new Child(name, Kind.BOOLEAN, null, Set.of());
        }
        if (t == int.class || t == Integer.class || t == long.class || t == double.class || t == float.class) {
            return new Child(name, Kind.NUMBER, null, Set.of());
        }
        if (t.isEnum()) {
            Set<String> values = new LinkedHashSet<>();
            for (Object constant : t.getEnumConstants()) {
                values.add(constant.toString()); // wsc enums print their XML value
            }
            return new Child(name, Kind.ENUM, null, values);
        }
        if (XMLizable.class.isAssignableFrom(t)) {
            return new Child(name, Kind.COMPLEX, t, Set.of());
        }
        return new Child(name, Kind.TEXT, null, Set.of());
    }

    /** Lets the generated class write itself and returns the names of its direct children, in order. */
    private static List<String> writtenChildren(XMLizable instance) throws IOException, XMLStreamException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XmlOutputStream out = new XmlOutputStream(bytes, false);
        out.setPrefix("m", METADATA_NS);
        out.setPrefix("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        instance.write(new QName(METADATA_NS, "probe"), out, new TypeMapper());
        out.close();
        XmlElement root = XmlElement.parse(new ByteArrayInputStream(bytes.toByteArray()));
        List<String> names = new ArrayList<>();
        for (XmlElement c : root.children()) {
            if (!names.contains(c.name())) {
                names.add(c.name());
            }
        }
        return names;
    }

    private static Object sample(Class<?> t) throws ReflectiveOperationException {
        if (t == String.class) {
            return "x";
        }
        if (t == boolean.class || t == Boolean.class) {
            return true;
        }
        if (t == int.class || t == Integer.class) {
            return 1;
        }
        if (t == long.class || t == Long.class) {
            return 1L;
        }
        if (t == double.class || t == Double.class) {
            return 1.0;
        }
        if (t == Calendar.class) {
            return Calendar.getInstance();
        }
        if (t == byte[].class) {
            return new byte[] {1};
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t.isArray()) {
            Object element = sample(t.getComponentType());
            if (element == null) {
                return null;
            }
            Object array = Array.newInstance(t.getComponentType(), 1);
            Array.set(array, 0, element);
            return array;
        }
        if (XMLizable.class.isAssignableFrom(t) && !Modifier.isAbstract(t.getModifiers()) && !t.isInterface()) {
            return t.getDeclaredConstructor().newInstance(); // empty: its own children are probed separately
        }
        return null;
    }
}
