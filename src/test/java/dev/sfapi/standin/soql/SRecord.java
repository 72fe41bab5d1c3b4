package dev.sfapi.standin.soql;

import java.util.Map;

/** One row of an sObject: its type, id, and field values keyed by canonical field name. */
public record SRecord(String type, String id, Map<String, Object> values) {

    public Object get(String field) {
        return values.get(field);
    }
}
