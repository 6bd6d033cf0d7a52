package dev.consentkit.core.consent;

import dev.consentkit.core.Actor;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.KeyedHasher;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof of how a consent event came about: the method, the form, keyed hashes of the IP address and
 * user agent, who recorded it, the guardian who acted for a minor, and a reference to a kept
 * document (a scanned paper form).
 *
 * <p>Holds no personal value: IP address and user agent are stored only as keyed hashes, so a later
 * claim ("it was me, from this address") can be checked without keeping the address.
 * Create one with {@code ConsentKit.evidence(method)}, which hashes under the host's pseudonym key.
 *
 * @param method how it was collected
 * @param formId the host's id of the form or script used, if any
 * @param ipHash keyed hash of the IP address, if captured
 * @param userAgentHash keyed hash of the user agent, if captured
 * @param recordedBy who recorded it
 * @param guardian the host's id of the guardian who acted for a minor, if any
 * @param attachmentRef the host's reference to a kept document, if any
 */
public record Evidence(CollectionMethod method, Optional<String> formId, Optional<KeyedHash> ipHash,
                       Optional<KeyedHash> userAgentHash, Actor recordedBy, Optional<String> guardian,
                       Optional<String> attachmentRef) {
    /** Longest accepted form id, guardian id or attachment reference. */
    public static final int MAX_REF_LENGTH = 128;

    /**
     * @throws IllegalArgumentException if a reference is blank, too long or has control characters
     */
    public Evidence {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(ipHash, "ipHash");
        Objects.requireNonNull(userAgentHash, "userAgentHash");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(guardian, "guardian");
        Objects.requireNonNull(attachmentRef, "attachmentRef");
        formId.ifPresent(v -> checkRef(v, "form id"));
        guardian.ifPresent(v -> checkRef(v, "guardian id"));
        attachmentRef.ifPresent(v -> checkRef(v, "attachment reference"));
    }

    private static void checkRef(String value, String what) {
        if (value.isBlank() || value.length() > MAX_REF_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must have 1 to " + MAX_REF_LENGTH + " printable characters");
        }
    }

    /**
     * Evidence of something ConsentKit recorded by itself (expiry, invalidation).
     *
     * @param component the sweep that recorded it
     * @return evidence with method {@link CollectionMethod#SYSTEM}
     */
    public static Evidence system(String component) {
        return new Evidence(CollectionMethod.SYSTEM, Optional.empty(), Optional.empty(), Optional.empty(),
                Actor.system(component), Optional.empty(), Optional.empty());
    }

    /**
     * @param method how it was collected
     * @param hasher hashes IP address and user agent (the kit's)
     * @return a builder; the subject is the default recorder
     */
    public static Builder builder(CollectionMethod method, KeyedHasher hasher) {
        return new Builder(Objects.requireNonNull(method, "method"), Objects.requireNonNull(hasher, "hasher"));
    }

    /**
     * Builds {@link Evidence}, hashing IP address and user agent at once; the raw values are not kept.
     * Not thread-safe.
     */
    public static final class Builder {
        private final CollectionMethod method;
        private final KeyedHasher hasher;
        private String formId;
        private KeyedHash ipHash;
        private KeyedHash userAgentHash;
        private Actor recordedBy = Actor.subject();
        private String guardian;
        private String attachmentRef;

        private Builder(CollectionMethod method, KeyedHasher hasher) {
            this.method = method;
            this.hasher = hasher;
        }

        /**
         * @param formId the host's id of the form or script
         * @return this builder
         */
        public Builder formId(String formId) {
            this.formId = Objects.requireNonNull(formId, "formId");
            return this;
        }

        /**
         * @param ipAddress the subject's IP address; only its keyed hash is kept
         * @return this builder
         */
        public Builder ipAddress(String ipAddress) {
            this.ipHash = hasher.hash("ip", Objects.requireNonNull(ipAddress, "ipAddress").strip());
            return this;
        }

        /**
         * @param userAgent the subject's user agent; only its keyed hash is kept
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgentHash = hasher.hash("user-agent", Objects.requireNonNull(userAgent, "userAgent"));
            return this;
        }

        /**
         * @param actor who recorded it; default {@link Actor#subject()}
         * @return this builder
         */
        public Builder recordedBy(Actor actor) {
            this.recordedBy = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /**
         * @param guardianId the host's id of the guardian acting for a minor
         * @return this builder
         */
        public Builder guardian(String guardianId) {
            this.guardian = Objects.requireNonNull(guardianId, "guardianId");
            return this;
        }

        /**
         * @param reference the host's reference to a kept document, e.g. a scan's storage key
         * @return this builder
         */
        public Builder attachment(String reference) {
            this.attachmentRef = Objects.requireNonNull(reference, "reference");
            return this;
        }

        /**
         * @return the evidence
         * @throws IllegalArgumentException if a reference is malformed
         */
        public Evidence build() {
            return new Evidence(method, Optional.ofNullable(formId), Optional.ofNullable(ipHash),
                    Optional.ofNullable(userAgentHash), recordedBy, Optional.ofNullable(guardian),
                    Optional.ofNullable(attachmentRef));
        }
    }
}
