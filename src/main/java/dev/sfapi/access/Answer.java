package dev.sfapi.access;

import java.util.List;

/**
 * Whether a user's effective permissions include something, with the evidence.
 *
 * @param state     granted, not granted, or cannot tell
 * @param grantedBy when granted: each profile / permission set (and group) that grants it
 * @param doubts    when it cannot be told: why not (a sparse profile, a set missing from the metadata)
 * @param notes     extra facts for the report even when decided (e.g. "muted by X in group G")
 */
public record Answer(State state, List<String> grantedBy, List<String> doubts, List<String> notes) {

    public enum State { GRANTED, NOT_GRANTED, CANNOT_TELL }

    public Answer {
        grantedBy = List.copyOf(grantedBy);
        doubts = List.copyOf(doubts);
        notes = List.copyOf(notes);
    }

    public boolean isGranted() {
        return state == State.GRANTED;
    }
}
