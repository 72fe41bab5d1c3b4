package dev.sfapi.access;

import java.util.List;

/**
 * Whether a user's effective permissions include something, with the evidence.
 *
 * @param state     granted, not granted, or cannot tell
 * @param grantedBy when granted: each profile / permission set (and group) that grants it
 * @param doubts    when it cannot be told: why not (a sparse profile, a set missing from the metadata)
 * @param notes     extra facts for the report even when decided (e.g. "muted by X in group G")
 * @param mutings   grants a group's muting permission set took away, for the fix
 */
public record Answer(State state, List<String> grantedBy, List<String> doubts, List<String> notes,
                     List<Muting> mutings) {

    public enum State { GRANTED, NOT_GRANTED, CANNOT_TELL }

    /**
     * A grant taken away by a muting permission set.
     *
     * @param mutingSet the muting permission set
     * @param group     the group it belongs to
     * @param muted     what the muting set lists ("Edit"), which may be less than what is needed
     *                  ("Delete" needs Edit, so muting Edit mutes Delete too)
     */
    public record Muting(String mutingSet, String group, String muted) {
    }

    public Answer {
        grantedBy = List.copyOf(grantedBy);
        doubts = List.copyOf(doubts);
        notes = List.copyOf(notes);
        mutings = List.copyOf(mutings);
    }

    public Answer(State state, List<String> grantedBy, List<String> doubts, List<String> notes) {
        this(state, grantedBy, doubts, notes, List.of());
    }

    public boolean isGranted() {
        return state == State.GRANTED;
    }
}
