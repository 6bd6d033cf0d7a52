package dev.consentkit.core.retention;

import dev.consentkit.core.SubjectId;
import java.time.Instant;
import java.util.Objects;

/**
 * When a retention clock started for a subject's records, or for one of them: a business event the
 * host reported ("booking 17 ended"), a withdrawal, a collection time.
 *
 * @param subject whose records
 * @param recordRef the host's id of one record; empty for every record of the subject in the category
 * @param at when the clock started, to the microsecond
 */
public record RetentionAnchor(SubjectId subject, String recordRef, Instant at) {
    /** Longest accepted record reference, the column width of every store. */
    public static final int MAX_RECORD_REF = 128;

    /**
     * @throws IllegalArgumentException if the record reference is too long, has control characters or
     *                                  surrounding blanks
     */
    public RetentionAnchor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(recordRef, "recordRef");
        Objects.requireNonNull(at, "at");
        if (recordRef.length() > MAX_RECORD_REF) {
            throw new IllegalArgumentException("record reference is longer than " + MAX_RECORD_REF + " characters");
        }
        if (!recordRef.equals(recordRef.strip()) || recordRef.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("record reference must have no control characters and no surrounding blanks");
        }
    }

    /** @return whether the anchor covers every record of the subject in its category */
    public boolean wholeSubject() {
        return recordRef.isEmpty();
    }

    /** @return the anchor's key: subject and record, without the time */
    public Key key() {
        return new Key(subject, recordRef);
    }

    /**
     * The identity of an anchor: the same subject and record, whatever the time.
     *
     * @param subject the subject
     * @param recordRef the record, empty for the whole subject
     */
    public record Key(SubjectId subject, String recordRef) {
        /** Checks for nulls. */
        public Key {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(recordRef, "recordRef");
        }
    }
}
