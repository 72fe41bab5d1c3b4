package dev.sfapi.metadata;

import dev.sfapi.declaration.FieldOperation;
import dev.sfapi.declaration.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Profile, PermissionSet, MutingPermissionSet and PermissionSetGroup files, in SFDX source format
 * ({@code Admin.profile-meta.xml}) or Metadata API format ({@code Admin.profile}), into the model.
 *
 * <p>Streaming StAX: memory does not grow with file size beyond the entries kept (see
 * {@link PermissionFilter}). Elements the model doesn't need (layouts, tabs, classes, newer children
 * such as {@code viewAllFields}) are skipped without building their text. Comments don't count:
 * a commented-out {@code <fieldPermissions>} block grants nothing. {@code %%%NAMESPACE%%%} tokens left
 * by CumulusCI templates are removed from names, as a namespace-less deploy would.
 *
 * <p>Entries are recorded exactly as listed: an object listed with every flag false is present with no
 * operations, and permission dependencies (edit needs read, …) are not applied here. The same object,
 * field or permission listed twice counts with the union of what its entries grant.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class MetadataReader {

    /** The token CumulusCI replaces with the package namespace (or nothing) at deploy time. */
    static final String NAMESPACE_TOKEN = "%%%NAMESPACE%%%";

    /** The JDK's own StAX implementation, whatever else is on the classpath; no DTDs, no external entities. */
    private static final XMLInputFactory FACTORY = newFactory();

    // One shared, unmodifiable set per combination of flags: a 4 MB profile has ~8000 field entries and
    // only four distinct field operation sets, so sharing saves both allocations and heap.
    private static final List<Set<Operation>> OBJECT_SETS = allSubsets(Operation.class);
    private static final List<Set<FieldOperation>> FIELD_SETS = allSubsets(FieldOperation.class);

    private final PermissionFilter filter;

    /** A reader that keeps every entry. */
    public MetadataReader() {
        this(PermissionFilter.ALL);
    }

    /** A reader that keeps only the object and field entries {@code filter} accepts. */
    public MetadataReader(PermissionFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /**
     * A permission file and how many entries of each kind the file listed (before filtering and before
     * duplicates were merged), so callers and tests can compare with an independent count.
     */
    public record Result(PermissionFile file, int objectEntries, int fieldEntries, int userPermissionEntries) {
    }

    /** Reads a Profile, PermissionSet or MutingPermissionSet file; kind and full name come from its name. */
    public PermissionFile readPermissions(Path file) throws MetadataException {
        MetadataKind kind = kindOf(file);
        if (kind == MetadataKind.PERMISSION_SET_GROUP) {
            throw new IllegalArgumentException(file + " is a permission set group; use readGroup");
        }
        try (InputStream in = open(file)) {
            return readPermissions(in, kind, kind.fullNameOf(file.getFileName().toString()), file.toString());
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** Reads a PermissionSetGroup file; the full name comes from its name. */
    public PermissionSetGroup readGroup(Path file) throws MetadataException {
        MetadataKind kind = kindOf(file);
        if (kind != MetadataKind.PERMISSION_SET_GROUP) {
            throw new IllegalArgumentException(file + " is a " + kind.label() + "; use readPermissions");
        }
        try (InputStream in = open(file)) {
            return readGroup(in, kind.fullNameOf(file.getFileName().toString()), file.toString());
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Reads a Profile, PermissionSet or MutingPermissionSet document.
     *
     * @param in       the bytes; the encoding is taken from the BOM or XML declaration
     * @param kind     what the document must be (its root element is checked)
     * @param fullName the metadata full name (percent-encoded for profiles)
     * @param origin   the file path or other origin, used in messages and kept in the result
     */
    public PermissionFile readPermissions(InputStream in, MetadataKind kind, String fullName, String origin)
            throws MetadataException {
        return readCounted(in, kind, fullName, origin).file();
    }

    /** As {@link #readPermissions(InputStream, MetadataKind, String, String)}, with entry counts. */
    public Result readCounted(InputStream in, MetadataKind kind, String fullName, String origin)
            throws MetadataException {
        if (kind == MetadataKind.PERMISSION_SET_GROUP) {
            throw new IllegalArgumentException("use readGroup for permission set groups");
        }
        Parse p = new Parse(in, kind, origin);
        try {
            return p.permissionFile(fullName);
        } catch (XMLStreamException e) {
            throw p.malformed(e);
        } finally {
            p.close();
        }
    }

    /** Reads a PermissionSetGroup document. */
    public PermissionSetGroup readGroup(InputStream in, String fullName, String origin) throws MetadataException {
        Parse p = new Parse(in, MetadataKind.PERMISSION_SET_GROUP, origin);
        try {
            return p.group(fullName);
        } catch (XMLStreamException e) {
            throw p.malformed(e);
        } finally {
            p.close();
        }
    }

    /** Removes {@code %%%NAMESPACE%%%} tokens: {@code %%%NAMESPACE%%%Foo__c} → {@code Foo__c}. */
    static String withoutNamespaceToken(String name) {
        return name.indexOf('%') < 0 ? name : name.replace(NAMESPACE_TOKEN, "");
    }

    private static MetadataKind kindOf(Path file) {
        String name = file.getFileName().toString();
        return MetadataKind.ofFileName(name).orElseThrow(() -> new IllegalArgumentException(
                name + " is not a profile, permission set, permission set group or muting permission set file"));
    }

    private static InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    private static MetadataException cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new MetadataException(file + ": file not found. Check the metadata directory setting.", e);
        }
        return new MetadataException(file + ": cannot read the file (" + e + "). Check that it exists and is"
                + " readable.", e);
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** A StAX reader over {@code in} made with the same settings the metadata reader uses. */
    static XMLStreamReader newStreamReader(InputStream in) throws XMLStreamException {
        // The spec doesn't promise a thread-safe factory; creation is cheap next to parsing.
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(in);
        }
    }

    private static <E extends Enum<E>> List<Set<E>> allSubsets(Class<E> type) {
        E[] values = type.getEnumConstants();
        List<Set<E>> sets = new ArrayList<>(1 << values.length);
        for (int mask = 0; mask < (1 << values.length); mask++) {
            EnumSet<E> s = EnumSet.noneOf(type);
            for (E e : values) {
                if ((mask & (1 << e.ordinal())) != 0) {
                    s.add(e);
                }
            }
            sets.add(Collections.unmodifiableSet(s));
        }
        return List.copyOf(sets);
    }

    /**
     * Object or field entries in file order, sorted and merged once at the end. A TreeMap get and put
     * per entry cost a quarter of the reading time (case-insensitive compares down the tree for each of
     * ~8000 fields). Retrieved files list entries in nearly alphabetical order, so one TimSort pass is
     * close to linear, and the sorted result lets the model's TreeMap be built in linear time.
     */
    private static final class Collected<V> {
        private final List<V> valueOfMask;
        private Named<V>[] entries = newArray(16);
        private int size;

        Collected(List<V> valueOfMask) {
            this.valueOfMask = valueOfMask;
        }

        void add(String name, int mask) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = new Named<>(name, mask);
        }

        /** Distinct names (first spelling kept) with the union of their entries' flags, sorted case-insensitively. */
        SortedMap<String, V> toMap() {
            Arrays.sort(entries, 0, size); // stable: the first spelling of a duplicate stays first
            List<Map.Entry<String, V>> merged = new ArrayList<>(size);
            int i = 0;
            while (i < size) {
                Named<V> first = entries[i];
                int mask = first.mask;
                int j = i + 1;
                while (j < size && first.compareTo(entries[j]) == 0) {
                    mask |= entries[j].mask;
                    j++;
                }
                first.value = valueOfMask.get(mask);
                merged.add(first);
                i = j;
            }
            return new SortedEntries<>(merged);
        }

        @SuppressWarnings("unchecked")
        private static <V> Named<V>[] newArray(int length) {
            return (Named<V>[]) new Named<?>[length];
        }
    }

    /** One entry as read; becomes a map entry once its value is known (saves an object per entry). */
    private static final class Named<V> implements Map.Entry<String, V>, Comparable<Named<V>> {
        private final String name;
        private final int mask;
        private V value;

        Named(String name, int mask) {
            this.name = name;
            this.mask = mask;
        }

        @Override
        public int compareTo(Named<V> other) {
            return String.CASE_INSENSITIVE_ORDER.compare(name, other.name);
        }

        @Override
        public String getKey() {
            return name;
        }

        @Override
        public V getValue() {
            return value;
        }

        @Override
        public V setValue(V v) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * A read-only sorted map over entries already sorted by {@link String#CASE_INSENSITIVE_ORDER}, only
     * to hand them to {@link PermissionFile}, whose TreeMap copies a SortedMap with the same comparator
     * in linear time. Range views are not needed for that and are not supported.
     */
    private static final class SortedEntries<V> extends AbstractMap<String, V> implements SortedMap<String, V> {
        private final List<Map.Entry<String, V>> entries;

        SortedEntries(List<Map.Entry<String, V>> entries) {
            this.entries = entries;
        }

        @Override
        public Set<Map.Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, V>> iterator() {
                    return Collections.unmodifiableList(entries).iterator();
                }

                @Override
                public int size() {
                    return entries.size();
                }
            };
        }

        @Override
        public Comparator<? super String> comparator() {
            return String.CASE_INSENSITIVE_ORDER;
        }

        @Override
        public String firstKey() {
            if (entries.isEmpty()) {
                throw new NoSuchElementException();
            }
            return entries.get(0).getKey();
        }

        @Override
        public String lastKey() {
            if (entries.isEmpty()) {
                throw new NoSuchElementException();
            }
            return entries.get(entries.size() - 1).getKey();
        }

        @Override
        public SortedMap<String, V> subMap(String fromKey, String toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, V> headMap(String toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, V> tailMap(String fromKey) {
            throw new UnsupportedOperationException();
        }
    }

    /** One parse of one document. */
    private final class Parse {
        private static final int START = XMLStreamConstants.START_ELEMENT;
        private static final int END = XMLStreamConstants.END_ELEMENT;

        private final InputStream in;
        private final MetadataKind kind;
        private final String origin;
        private XMLStreamReader r;
        // Element text is copied here so that booleans are judged without creating Strings, and names
        // become a String with one copy. A plain array: StringBuilder's per-char Latin-1 checks showed
        // up in profiles.
        private char[] text = new char[256];
        private int textStart;
        private int textEnd;

        Parse(InputStream in, MetadataKind kind, String origin) {
            this.in = in;
            this.kind = kind;
            this.origin = origin;
        }

        PermissionFile.Completeness completeness() {
            // Profiles in a source tree hold only what was retrieved with them; sets are always whole.
            return kind == MetadataKind.PROFILE
                    ? PermissionFile.Completeness.SOURCE_PROFILE
                    : PermissionFile.Completeness.FULL;
        }

        Result permissionFile(String fullName) throws XMLStreamException, MetadataException {
            openAndCheckRoot();
            Collected<Set<Operation>> objects = new Collected<>(OBJECT_SETS);
            Collected<Set<FieldOperation>> fields = new Collected<>(FIELD_SETS);
            TreeMap<String, Boolean> userPermissions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String label = null;
            boolean activationRequired = false;
            String license = null;
            String licenseElement = null;
            int licenseLine = 0;
            int objectEntries = 0;
            int fieldEntries = 0;
            int userPermissionEntries = 0;

            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "fieldPermissions" -> {
                        fieldEntries++;
                        fieldPermission(fields);
                    }
                    case "objectPermissions" -> {
                        objectEntries++;
                        objectPermission(objects);
                    }
                    case "userPermissions" -> {
                        userPermissionEntries++;
                        userPermission(userPermissions);
                    }
                    case "label" -> label = string();
                    case "hasActivationRequired" -> activationRequired = bool();
                    case "userLicense", "license" -> {
                        // Profiles name their license in <userLicense>. Permission sets use <license>
                        // since API 38 and <userLicense> before; both bind the set to that license.
                        String element = r.getLocalName();
                        if (kind == MetadataKind.PROFILE && element.equals("license")) {
                            skip();
                            break;
                        }
                        int line = line();
                        String value = string();
                        if (license != null && !license.equals(value)) {
                            throw problem(line, "the " + kind.label() + " names two licenses: <" + licenseElement
                                    + ">" + license + "</" + licenseElement + "> on line " + licenseLine + " and <"
                                    + element + ">" + value + "</" + element + ">.",
                                    "Keep the one the " + kind.label() + " is meant for and delete the other.");
                        }
                        if (license == null) {
                            license = value.isEmpty() ? null : value;
                            licenseElement = element;
                            licenseLine = line;
                        }
                    }
                    default -> skip();
                }
            }
            finish();
            PermissionFile file = new PermissionFile(kind, fullName, label, license, objects.toMap(),
                    fields.toMap(), userPermissions, completeness(), origin,
                    activationRequired && kind == MetadataKind.PERMISSION_SET);
            return new Result(file, objectEntries, fieldEntries, userPermissionEntries);
        }

        PermissionSetGroup group(String fullName) throws XMLStreamException, MetadataException {
            openAndCheckRoot();
            String label = null;
            List<String> members = new ArrayList<>();
            List<String> muting = new ArrayList<>();
            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "permissionSets" -> members.add(name("permissionSets"));
                    case "mutingPermissionSets" -> muting.add(name("mutingPermissionSets"));
                    case "label" -> label = string();
                    default -> skip();
                }
            }
            finish();
            return new PermissionSetGroup(fullName, label, members, muting, origin);
        }

        private void objectPermission(Collected<Set<Operation>> objects)
                throws XMLStreamException, MetadataException {
            String object = null;
            int mask = 0;
            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "object" -> object = name("object");
                    case "allowRead" -> mask |= flag(Operation.READ);
                    case "allowCreate" -> mask |= flag(Operation.CREATE);
                    case "allowEdit" -> mask |= flag(Operation.EDIT);
                    case "allowDelete" -> mask |= flag(Operation.DELETE);
                    case "viewAllRecords" -> mask |= flag(Operation.VIEW_ALL);
                    case "modifyAllRecords" -> mask |= flag(Operation.MODIFY_ALL);
                    default -> skip();
                }
            }
            if (object == null) {
                // Reported where the block ends: asking the parser for a location allocates, and doing
                // that for every entry on the chance of an error cost measurable time.
                throw problem("this <objectPermissions> block has no <object>.",
                        "Add the object's API name, e.g. <object>Account</object>, or delete the block.");
            }
            if (filter.keepsObject(object)) {
                objects.add(object, mask);
            }
        }

        private void fieldPermission(Collected<Set<FieldOperation>> fields)
                throws XMLStreamException, MetadataException {
            String field = null;
            int mask = 0;
            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "field" -> field = name("field");
                    case "readable" -> mask |= flag(FieldOperation.READ);
                    case "editable" -> mask |= flag(FieldOperation.EDIT);
                    default -> skip();
                }
            }
            if (field == null) {
                throw problem("this <fieldPermissions> block has no <field>.",
                        "Add the field as Object.Field, e.g. <field>Account.Industry</field>, or delete the block.");
            }
            if (filter.keepsField(field)) {
                fields.add(field, mask);
            }
        }

        private void userPermission(Map<String, Boolean> userPermissions)
                throws XMLStreamException, MetadataException {
            String name = null;
            boolean enabled = false;
            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "name" -> name = name("name");
                    case "enabled" -> enabled = bool();
                    default -> skip();
                }
            }
            if (name == null) {
                throw problem("this <userPermissions> block has no <name>.",
                        "Add the permission's API name, e.g. <name>ApiEnabled</name>, or delete the block.");
            }
            userPermissions.merge(name, enabled, Boolean::logicalOr);
        }

        private int flag(Enum<?> operation) throws XMLStreamException, MetadataException {
            return bool() ? 1 << operation.ordinal() : 0;
        }

        // ---- StAX plumbing -------------------------------------------------------------------------

        private void openAndCheckRoot() throws XMLStreamException, MetadataException {
            r = newStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == START) {
                    String root = r.getLocalName();
                    if (!root.equals(kind.typeName())) {
                        throw rootMismatch(root);
                    }
                    return;
                }
            }
            throw problem("the file has no XML element at all.",
                    "Restore the " + kind.label() + " from version control or delete the file.");
        }

        /** Advances to the next child element of the current element; false at the current element's end. */
        private boolean nextChild() throws XMLStreamException {
            while (true) {
                int event = r.next();
                if (event == START) {
                    return true;
                }
                if (event == END) {
                    return false;
                }
                // Whitespace, comments and processing instructions between elements carry nothing.
            }
        }

        /** Skips the current element and everything inside it, without building any text. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = r.next();
                if (event == START) {
                    depth++;
                } else if (event == END) {
                    depth--;
                }
            }
        }

        /** Reads past the root's end so that trailing garbage is reported, not ignored. */
        private void finish() throws XMLStreamException {
            while (r.hasNext()) {
                r.next();
            }
        }

        /** Collects the text of the current element into {@link #text}, trimmed to [textStart, textEnd). */
        private void collectText() throws XMLStreamException, MetadataException {
            int length = 0;
            String element = r.getLocalName();
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        int n = r.getTextLength();
                        if (length + n > text.length) {
                            text = Arrays.copyOf(text, Math.max(text.length * 2, length + n));
                        }
                        System.arraycopy(r.getTextCharacters(), r.getTextStart(), text, length, n);
                        length += n;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        char[] chars = r.getText().toCharArray();
                        if (length + chars.length > text.length) {
                            text = Arrays.copyOf(text, Math.max(text.length * 2, length + chars.length));
                        }
                        System.arraycopy(chars, 0, text, length, chars.length);
                        length += chars.length;
                    }
                    case END -> {
                        // XML whitespace is space, tab, CR and LF, all <= ' '.
                        int from = 0;
                        while (from < length && text[from] <= ' ') {
                            from++;
                        }
                        while (length > from && text[length - 1] <= ' ') {
                            length--;
                        }
                        textStart = from;
                        textEnd = length;
                        return;
                    }
                    case START -> throw problem("<" + element + "> contains an element <"
                            + r.getLocalName() + ">, but it can only hold text.",
                            "Move <" + r.getLocalName() + "> out of <" + element + ">.");
                    default -> {
                        // comments and processing instructions inside a value are not part of it
                    }
                }
            }
        }

        private String string() throws XMLStreamException, MetadataException {
            collectText();
            return new String(text, textStart, textEnd - textStart);
        }

        /** An API name: not empty, {@code %%%NAMESPACE%%%} tokens removed. */
        private String name(String element) throws XMLStreamException, MetadataException {
            String value = withoutNamespaceToken(string());
            if (value.isEmpty()) {
                throw problem("<" + element + "> is empty.", "Write the API name in it or delete its block.");
            }
            return value;
        }

        private boolean bool() throws XMLStreamException, MetadataException {
            String element = r.getLocalName();
            collectText();
            if (is("true") || is("1")) {
                return true;
            }
            if (is("false") || is("0")) {
                return false;
            }
            throw problem("<" + element + "> holds '" + new String(text, textStart, textEnd - textStart)
                            + "', not true or false.",
                    "Write <" + element + ">true</" + element + "> or <" + element + ">false</" + element + ">.");
        }

        private boolean is(String word) {
            if (textEnd - textStart != word.length()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (text[textStart + i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private int line() {
            return r == null ? 1 : r.getLocation().getLineNumber();
        }

        private int column() {
            return r == null ? 1 : r.getLocation().getColumnNumber();
        }

        /** A problem at the parser's current position. */
        private MetadataException problem(String what, String fix) {
            return new MetadataException(where(line(), column()) + ": " + what + " " + fix);
        }

        /** A problem at a remembered line (the start of the block it concerns). */
        private MetadataException problem(int line, String what, String fix) {
            return new MetadataException(where(line, -1) + ": " + what + " " + fix);
        }

        private String where(int line, int column) {
            return origin + ":" + line + (column > 0 ? ":" + column : "");
        }

        private MetadataException rootMismatch(String root) {
            MetadataKind actual = null;
            for (MetadataKind k : MetadataKind.values()) {
                if (k.typeName().equals(root)) {
                    actual = k;
                }
            }
            if (actual != null) {
                return problem("the file name says " + kind.typeName() + ", but the file holds a " + root + ".",
                        "Rename the file to end in ." + actual.suffix() + "-meta.xml (or ." + actual.suffix()
                                + "), or replace its content with the " + kind.label() + " it should hold.");
            }
            return problem("the file name says " + kind.typeName() + ", but its root element is <" + root
                            + ">, not <" + kind.typeName() + ">.",
                    "Replace its content with the " + kind.label() + " it should hold, or move the file out of"
                            + " the metadata directory.");
        }

        MetadataException malformed(XMLStreamException e) {
            Location at = e.getLocation();
            int line = at != null && at.getLineNumber() > 0 ? at.getLineNumber() : -1;
            int column = at != null && at.getColumnNumber() > 0 ? at.getColumnNumber() : -1;
            String reason = parserMessage(e);
            String place = line > 0 ? where(line, column) : origin;
            return new MetadataException(place + ": not well-formed XML, so the " + kind.label()
                    + " cannot be read: " + reason + " Fix the XML there (compare with the copy in version"
                    + " control or retrieve it again from the org).", e);
        }

        private String parserMessage(XMLStreamException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            // The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; we print the place ourselves.
            int i = m.indexOf("Message: ");
            if (i >= 0) {
                m = m.substring(i + "Message: ".length());
            }
            m = m.strip();
            return m.endsWith(".") ? m : m + ".";
        }

        void close() {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing releases parser buffers only; the stream is closed by its owner
                }
            }
        }
    }
}
