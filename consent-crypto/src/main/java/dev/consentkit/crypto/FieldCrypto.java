package dev.consentkit.crypto;

import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.core.ConsentKit;
import dev.consentkit.core.HmacKey;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.PurposeId;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.access.AccessAction;
import dev.consentkit.core.access.AccessDecision;
import dev.consentkit.core.access.AccessPolicy;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditEntry;
import dev.consentkit.core.consent.Decision;
import dev.consentkit.core.spi.BlindIndexEntry;
import dev.consentkit.core.spi.ErasureReceipt;
import dev.consentkit.core.spi.FieldProtector;
import dev.consentkit.core.spi.ProtectionProfile;
import dev.consentkit.core.spi.SealedValue;
import dev.consentkit.crypto.internal.DataKey;
import dev.consentkit.crypto.internal.FieldCiphertext;
import dev.consentkit.crypto.internal.FieldContext;
import dev.consentkit.crypto.internal.FieldSealer;
import dev.consentkit.crypto.internal.Hkdf;
import dev.consentkit.crypto.internal.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Personal fields encrypted under per-subject keys: seal a value before the host stores it, open it
 * only for a permitted purpose as a role that may, find a subject through a blind index, and erase a
 * subject by destroying their keys (crypto-shredding), which also makes every backup copy unreadable.
 *
 * <pre>{@code
 * FieldCrypto crypto = FieldCrypto.builder(kit)
 *         .keyEncryptionKeys(KeyEncryptionKeyProvider.fromEnvironment("CK_MASTER_KEY"))
 *         .accessPolicy(policy)
 *         .blindIndexKey(HmacKey.fromBase64(System.getenv("CK_INDEX_KEY")))
 *         .build();
 * String stored = crypto.seal(new FieldRef(EMAIL, clientId, subject), "anna@example.org");
 * String email = crypto.open(principal, ORDERS, new FieldRef(EMAIL, clientId, subject), stored);
 * }</pre>
 *
 * <p>Keys live wrapped in the kit's storage (in memory or the host's database); unwrapped data keys
 * are cached, bounded in number and in time ({@link Builder#keyCacheTtl}), and evicted at once on
 * shred. Without {@link Builder#accessPolicy} the kit's {@link ConsentKit#accessPolicy()} applies.
 * Blind indexes find subjects by one value ({@link BlindIndex}) or several together
 * ({@link CompoundBlindIndex}). Thread-safe.
 */
public final class FieldCrypto implements FieldProtector {
    /** A data key was made for a subject and group. */
    public static final AuditAction KEY_CREATED = new AuditAction("key.created");
    /** A subject's keys were destroyed. */
    public static final AuditAction KEYS_SHREDDED = new AuditAction("key.shredded");
    /** A field was decrypted. */
    public static final AuditAction FIELD_OPENED = new AuditAction("field.opened");
    /** A decryption was refused before any key was touched. */
    public static final AuditAction FIELD_OPEN_REFUSED = new AuditAction("field.open_refused");
    /** A subject's data key for a group got a new version, which new values are sealed with. */
    public static final AuditAction KEY_ROTATED = new AuditAction("key.rotated");
    /** A batch of data keys was rewrapped under the current master key. */
    public static final AuditAction KEYS_REWRAPPED = new AuditAction("key.rewrapped");
    /** A value sealed under an earlier data key (or suite) was sealed again under the current one. */
    public static final AuditAction FIELD_RESEALED = new AuditAction("field.resealed");

    private final ConsentKit kit;
    private final KeyEncryptionKeyProvider keks;
    private final DataKeys keys;
    private final AccessPolicy policy;
    private final Suite suite;
    private final byte[] indexRoot;
    /** Per-index keys, derived once: a handful of indexes, so the map stays tiny. */
    private final java.util.concurrent.ConcurrentHashMap<String, byte[]> indexKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private final FieldSealer sealer = new FieldSealer();
    private final Map<String, ProtectedField> fields;

    private FieldCrypto(Builder b) {
        this.kit = b.kit;
        this.keks = b.keks;
        this.policy = b.policy;
        this.suite = b.suite;
        this.indexRoot = b.indexKey.bytes();
        this.keys = new DataKeys(b.kit, b.keks, b.cacheSize, b.cacheTtl);
        this.fields = Map.copyOf(b.fields);
    }

    /**
     * @param kit the kit whose storage, catalogue, consent and audit chain are used
     * @return a builder
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /**
     * Encrypts a text value for one cell, making the subject's key for the field's group if needed.
     *
     * @param ref where the value will be stored and whose it is
     * @param value the plaintext
     * @return the ciphertext in text form ({@code ck1.} + base64url), for a text column
     */
    public String seal(FieldRef ref, String value) {
        Objects.requireNonNull(value, "value");
        return sealBytes(ref, value.getBytes(StandardCharsets.UTF_8)).encodeText();
    }

    private FieldCiphertext sealBytes(FieldRef ref, byte[] plaintext) {
        Objects.requireNonNull(ref, "ref");
        KeyedHash subjectRef = kit.subjectRef(ref.subject());
        DataKey key = keys.current(subjectRef, ref.field().group());
        return sealer.seal(key, suite, context(ref, subjectRef), plaintext);
    }

    /**
     * Decrypts a value for a purpose, as a principal. The access policy and the subject's consent or
     * legal basis are checked <em>before</em> any key is unwrapped; the opening and every refusal are
     * audited.
     *
     * @param principal who reads
     * @param purpose why
     * @param ref the cell the value was sealed for
     * @param sealed the ciphertext in text form
     * @return the plaintext, or the field's replacement value if the key was destroyed
     * @throws AccessDeniedException if the policy refuses the principal
     * @throws PurposeNotPermittedException if the subject's consent or the basis does not permit the purpose
     * @throws KeyDestroyedException if the key was shredded and the field declares no replacement
     * @throws DecryptionException if the value was changed, moved, or is not a ConsentKit ciphertext
     * @throws IllegalStateException if this instance is write-only ({@link KeyEncryptionKeyProvider#canUnwrap()})
     */
    public String open(Principal principal, PurposeId purpose, FieldRef ref, String sealed) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(sealed, "sealed");
        requireUnwrapping();
        KeyedHash subjectRef = kit.subjectRef(ref.subject());
        AccessDecision access = policy.decide(principal, purpose, ref.field().category(), AccessAction.READ);
        if (access instanceof AccessDecision.Refused refused) {
            audit(principal, FIELD_OPEN_REFUSED, subjectRef, purpose, AuditOutcome.DENIED, ref);
            throw new AccessDeniedException(refused.reason(), ref.field() + " for purpose " + purpose);
        }
        Decision decision = kit.check(ref.subject(), purpose);
        if (decision instanceof Decision.Denied denied) {
            audit(principal, FIELD_OPEN_REFUSED, subjectRef, purpose, AuditOutcome.DENIED, ref);
            throw new PurposeNotPermittedException(denied.reason(), ref.field() + " for purpose " + purpose);
        }
        FieldCiphertext ciphertext = FieldCiphertext.parseText(sealed);
        Optional<DataKey> key = keys.byId(subjectRef, ciphertext.keyId());
        if (key.isEmpty()) {
            audit(principal, FIELD_OPENED, subjectRef, purpose, AuditOutcome.FAILED, ref);
            return ref.field().replacement().orElseThrow(() -> new KeyDestroyedException(ref.field()));
        }
        byte[] plaintext = sealer.open(key.get(), context(ref, subjectRef), ciphertext);
        audit(principal, FIELD_OPENED, subjectRef, purpose, AuditOutcome.SUCCESS, ref);
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /**
     * Destroys a subject's data keys (all groups, or the ones named), evicts them from every cache of
     * this instance, removes the subject's blind-index entries when every group goes, and audits it.
     *
     * @param subject the subject
     * @param actor who erased
     * @param groups the groups to shred; none for every group
     * @return a receipt without personal data
     */
    public ErasureReceipt shred(SubjectId subject, Actor actor, String... groups) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        List<String> named = List.of(groups);
        KeyedHash subjectRef = kit.subjectRef(subject);
        keys.evict(subjectRef);
        Instant now = now();
        ErasureReceipt receipt = kit.storage().inTransaction(tx -> {
            int keys = tx.keys().destroy(subjectRef, named);
            int entries = named.isEmpty() ? tx.blindIndexes().removeSubject(subject) : 0;
            AuditEntry entry = kit.audit().append(tx, new AuditEvent(now, actor, KEYS_SHREDDED,
                    Optional.of(subjectRef), Optional.empty(), AuditOutcome.SUCCESS,
                    Optional.of(named.isEmpty() ? "all-groups" : String.join(",", named))));
            return new ErasureReceipt(subjectRef, named, keys, entries, now, entry.id());
        });
        keys.evict(subjectRef);
        return receipt;
    }

    /**
     * Shreds the named groups (every group if {@code groups} is empty); see {@link #shred(SubjectId, Actor, String...)}.
     */
    @Override
    public ErasureReceipt shred(SubjectId subject, Set<String> groups, Actor actor) {
        Objects.requireNonNull(groups, "groups");
        return shred(subject, actor, groups.stream().sorted().toArray(String[]::new));
    }

    /**
     * Opens a value of a field declared through {@link Builder#fields(ProtectedField...)} for an
     * export to its own subject: no role or purpose check, audited as an opening by the actor.
     *
     * @throws IllegalArgumentException if the cell's table and column are not a declared field
     * @throws DecryptionException if the value was changed, moved, or is not a ConsentKit ciphertext
     * @throws IllegalStateException if this instance is write-only ({@link KeyEncryptionKeyProvider#canUnwrap()})
     */
    @Override
    public Optional<String> openForSubject(SubjectId subject, SealedValue value, Actor actor) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(actor, "actor");
        requireUnwrapping();
        ProtectedField field = fields.get(value.table() + "." + value.column());
        if (field == null) {
            throw new IllegalArgumentException("no protected field is declared for " + value.table() + "." + value.column());
        }
        FieldRef ref = new FieldRef(field, value.rowKey(), subject);
        KeyedHash subjectRef = kit.subjectRef(subject);
        FieldCiphertext ciphertext = FieldCiphertext.parseText(value.ciphertext());
        Optional<DataKey> key = keys.byId(subjectRef, ciphertext.keyId());
        if (key.isEmpty()) {
            auditExport(actor, subjectRef, AuditOutcome.FAILED, ref);
            return field.replacement();
        }
        byte[] plaintext = sealer.open(key.get(), context(ref, subjectRef), ciphertext);
        auditExport(actor, subjectRef, AuditOutcome.SUCCESS, ref);
        return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
    }

    private void auditExport(Actor actor, KeyedHash subjectRef, AuditOutcome outcome, FieldRef ref) {
        kit.audit().recordRead(new AuditEvent(now(), actor, FIELD_OPENED, Optional.of(subjectRef), Optional.empty(),
                outcome, Optional.of("subject-export " + ref.field())));
    }

    @Override
    public ProtectionProfile describe() {
        return new ProtectionProfile(suite == Suite.AES_256_GCM ? "AES-256-GCM" : "XChaCha20-Poly1305",
                "random 256-bit data key per subject and group, wrapped by a master key from "
                        + keks.getClass().getSimpleName(),
                fields.values().stream()
                        .map(f -> new ProtectionProfile.Field(f.table(), f.column(), f.category(), f.group()))
                        .toList());
    }

    /** @return the fields declared to this instance, keyed by {@code table.column} */
    public Map<String, ProtectedField> fields() {
        return fields;
    }

    /**
     * Records a subject's value in a blind index (replacing their earlier value there).
     *
     * @param index the index
     * @param subject the subject
     * @param value the plaintext value; only its truncated keyed hash is stored
     */
    public void index(BlindIndex index, SubjectId subject, String value) {
        Objects.requireNonNull(subject, "subject");
        String term = term(index, value);
        kit.storage().inTransaction(tx -> {
            tx.blindIndexes().remove(index.name(), subject);
            tx.blindIndexes().put(new BlindIndexEntry(index.name(), term, subject));
            return null;
        });
    }

    /**
     * Finds the subjects whose indexed value may equal {@code value}. Truncated indexes collide on
     * purpose: open the candidates' fields to confirm.
     *
     * @param index the index
     * @param value the searched value
     * @return the candidate subjects
     */
    public List<SubjectId> find(BlindIndex index, String value) {
        String term = term(index, value);
        return kit.storage().read(tx -> tx.blindIndexes().find(index.name(), term));
    }

    /**
     * @param index the index
     * @param value a plaintext value
     * @return its index value (base64url of the truncated HMAC)
     */
    public String term(BlindIndex index, String value) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(value, "value");
        byte[] key = indexKeys.computeIfAbsent(index.name(), name ->
                Hkdf.sha256(indexRoot, new byte[0], ("ck/v1/bidx/" + name).getBytes(StandardCharsets.UTF_8), 32));
        return truncatedTerm(key, index.bits(), index.normalizer().normalize(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records a subject's values in a compound blind index (replacing their earlier entry there).
     *
     * @param index the index
     * @param subject the subject
     * @param values one plaintext value per part of the index, in order; only the truncated keyed
     *     hash of all of them together is stored
     * @throws IllegalArgumentException if the number of values is not the number of parts, or a value
     *     cannot be normalised (the value is not echoed)
     */
    public void index(CompoundBlindIndex index, SubjectId subject, String... values) {
        Objects.requireNonNull(subject, "subject");
        String term = term(index, values);
        kit.storage().inTransaction(tx -> {
            tx.blindIndexes().remove(index.name(), subject);
            tx.blindIndexes().put(new BlindIndexEntry(index.name(), term, subject));
            return null;
        });
    }

    /**
     * Finds the subjects whose indexed values may equal {@code values} (truncation makes candidates
     * collide on purpose: open their fields to confirm).
     *
     * @param index the index
     * @param values one searched value per part, in order
     * @return the candidate subjects
     */
    public List<SubjectId> find(CompoundBlindIndex index, String... values) {
        String term = term(index, values);
        return kit.storage().read(tx -> tx.blindIndexes().find(index.name(), term));
    }

    /**
     * @param index the index
     * @param values one plaintext value per part, in order
     * @return the index value: base64url of the truncated HMAC over the normalised parts, each
     *     preceded by its 4-byte big-endian UTF-8 length
     */
    public String term(CompoundBlindIndex index, String... values) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(values, "values");
        if (values.length != index.parts().size()) {
            throw new IllegalArgumentException("compound blind index " + index.name() + " takes "
                    + index.parts().size() + " values, got " + values.length);
        }
        byte[][] parts = new byte[values.length * 2][];
        for (int i = 0; i < values.length; i++) {
            byte[] normalised = index.parts().get(i).normalize(Objects.requireNonNull(values[i], "value"))
                    .getBytes(StandardCharsets.UTF_8);
            parts[2 * i] = java.nio.ByteBuffer.allocate(4).putInt(normalised.length).array();
            parts[2 * i + 1] = normalised;
        }
        byte[] key = indexKeys.computeIfAbsent("compound/" + index.name(), name ->
                Hkdf.sha256(indexRoot, new byte[0], ("ck/v1/bidx-compound/" + index.name()).getBytes(StandardCharsets.UTF_8), 32));
        return truncatedTerm(key, index.bits(), parts);
    }

    private static String truncatedTerm(byte[] key, int bits, byte[]... message) {
        int bytes = (bits + 7) / 8;
        byte[] mac = HmacSha256.truncated(key, bytes, message);
        int spare = bytes * 8 - bits;
        mac[bytes - 1] &= (byte) (0xFF << spare);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** Whether any data key is still wrapped under a master key other than {@code kekId} (for {@link KeyFile#dropRetired}). */
    boolean anyKeyWrappedUnderOtherThan(String kekId) {
        return keys.anyWrappedUnderOtherThan(kekId);
    }

    /**
     * Master-key rotation: rewraps every data key not wrapped under the provider's current master key,
     * in batches, until none is left. Values are not touched — a data key is the same key after its
     * rewrap, so every ciphertext keeps opening, and the cost grows with the number of keys, not of
     * values. Afterwards a provider holding only the new master key opens everything.
     *
     * <p>Each batch is read, unwrapped under its old master key and wrapped under the current one
     * outside the unit of work, then written and audited ({@link #KEYS_REWRAPPED}) in one unit of
     * work; {@code progress} hears of it after the commit. An interrupted rotation (a crash, a failing
     * {@code progress}, a master key the provider lacks) loses nothing: call again and it carries on
     * with the keys still under an old master key. Keys shredded while a batch is under way are
     * skipped and counted as such. Safe to run beside seals, opens and shreds; run one rotation at a
     * time (two would only do the work twice).
     *
     * @param batchSize keys per unit of work, 1 to 10 000
     * @param progress told the running totals after every batch; may throw to stop the rotation
     * @return the totals of this run
     * @throws IllegalArgumentException if {@code batchSize} is out of range
     * @throws DecryptionException if a data key cannot be unwrapped (its master key is not in the
     *     provider, or the stored key was damaged); the batches before it are committed
     * @throws IllegalStateException if the provider's current master key changes during the run, or
     *     this instance is write-only
     */
    public RotationReport rewrapAll(int batchSize, Consumer<? super RotationReport> progress) {
        Objects.requireNonNull(progress, "progress");
        requireUnwrapping();
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be 1 to 10000");
        }
        return keys.rewrapAll(batchSize, progress);
    }

    /**
     * Data-key rotation: gives the subject's key for {@code group} a new version, made at random and
     * audited ({@link #KEY_ROTATED}). Values sealed from now on by this instance use it; values sealed
     * under earlier versions still open (a ciphertext names its key) and can be moved to the new one
     * with {@link #resealIfOld} when next read or written. Other {@code FieldCrypto} instances over the
     * same storage keep sealing under the version they cached until they forget it (their values open
     * everywhere all the same).
     *
     * @param subject the subject
     * @param group the purpose group, as the fields declare it
     * @throws ConcurrentUpdateException if the new key could not be stored after
     *     several attempts (each with a new random key id)
     */
    public void rotateDataKey(SubjectId subject, String group) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(group, "group");
        keys.rotate(kit.subjectRef(subject), group);
    }

    /**
     * Lazy re-encryption after {@link #rotateDataKey} (or a change of {@link Builder#suite suite}):
     * if {@code sealed} was sealed under an earlier key version of its subject and group, or with
     * another suite, returns the same value sealed under the current key and suite, for the host to
     * store in its place; otherwise returns empty without opening it.
     *
     * <p>This decrypts without a purpose or a principal, because nothing readable leaves it: the caller
     * gets a ciphertext of the value it already holds, for the same cell. It is audited as
     * {@link #FIELD_RESEALED} by the system actor {@code field-crypto}, like the other key-management
     * operations, not as an opening.
     *
     * @param ref the cell the value was sealed for
     * @param sealed the stored ciphertext, in text form
     * @return the re-sealed value, or empty if {@code sealed} is already under the current key and suite
     * @throws KeyDestroyedException if the key {@code sealed} names no longer exists (the subject or the
     *     group was shredded): there is nothing to re-encrypt
     * @throws DecryptionException if the value was changed or moved, or is not a ConsentKit ciphertext
     * @throws IllegalStateException if this instance is write-only ({@link KeyEncryptionKeyProvider#canUnwrap()})
     */
    public Optional<String> resealIfOld(FieldRef ref, String sealed) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(sealed, "sealed");
        requireUnwrapping();
        KeyedHash subjectRef = kit.subjectRef(ref.subject());
        FieldCiphertext old = FieldCiphertext.parseText(sealed);
        DataKey oldKey = keys.byId(subjectRef, old.keyId()).orElseThrow(() -> new KeyDestroyedException(ref.field()));
        DataKey current = keys.current(subjectRef, ref.field().group());
        if (old.keyId() == current.keyId() && old.suite() == suite) {
            return Optional.empty();
        }
        FieldContext context = context(ref, subjectRef);
        byte[] plaintext = sealer.open(oldKey, context, old);
        String resealed;
        try {
            resealed = sealer.seal(current, suite, context, plaintext).encodeText();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        AuditEvent event = new AuditEvent(now(), DataKeys.COMPONENT, FIELD_RESEALED, Optional.of(subjectRef),
                Optional.empty(), AuditOutcome.SUCCESS, Optional.of(ref.field().toString()));
        kit.storage().inTransaction(tx -> kit.audit().append(tx, event));
        return Optional.of(resealed);
    }

    /** A write-only instance (its provider cannot unwrap) opens nothing, not even what it sealed. */
    private void requireUnwrapping() {
        if (!keks.canUnwrap()) {
            throw new IllegalStateException("this FieldCrypto is write-only: its master key " + keks.currentKekId()
                    + " cannot unwrap, so it seals but never opens");
        }
    }

    private static FieldContext context(FieldRef ref, KeyedHash subjectRef) {
        return new FieldContext(ref.field().table(), ref.field().column(), ref.rowKey(), subjectRef.value());
    }

    /**
     * Records an opening or a refusal through {@code AuditTrail.recordRead}: in a transaction of the
     * kit's own (never the host's, so it works inside a read-only host transaction and survives a host
     * rollback), written behind by the kit's flusher or committed before this returns, as the kit's
     * {@code ReadAuditMode} says.
     */
    private void audit(Principal principal, AuditAction action, KeyedHash subjectRef, PurposeId purpose,
                       AuditOutcome outcome, FieldRef ref) {
        kit.audit().recordRead(new AuditEvent(now(), Actor.operator(principal.id()), action, Optional.of(subjectRef),
                Optional.of(purpose), outcome, Optional.of(ref.field().toString())));
    }

    private Instant now() {
        return kit.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "FieldCrypto[" + suite + ", " + keks + "]";
    }

    /** Configures a {@link FieldCrypto}. Not thread-safe. */
    public static final class Builder {
        /** Default {@link #keyCacheTtl}: 10 minutes. */
        public static final java.time.Duration DEFAULT_CACHE_TTL = java.time.Duration.ofMinutes(10);

        private final ConsentKit kit;
        private KeyEncryptionKeyProvider keks;
        private AccessPolicy policy;
        private HmacKey indexKey;
        private Suite suite = Suite.AES_256_GCM;
        private int cacheSize = 10_000;
        private java.time.Duration cacheTtl = DEFAULT_CACHE_TTL;
        private final Map<String, ProtectedField> fields = new LinkedHashMap<>();

        private Builder(ConsentKit kit) {
            this.kit = kit;
        }

        /**
         * @param provider the master key(s); required
         * @return this builder
         */
        public Builder keyEncryptionKeys(KeyEncryptionKeyProvider provider) {
            this.keks = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * @param policy who may read what; default the kit's {@link ConsentKit#accessPolicy()}, and one
         *     of the two is required
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param key the root key of the blind indexes; required; per-index keys are derived from it
         * @return this builder
         */
        public Builder blindIndexKey(HmacKey key) {
            this.indexKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param suite the suite new values are sealed with; default AES-256-GCM
         * @return this builder
         */
        public Builder suite(Suite suite) {
            this.suite = Objects.requireNonNull(suite, "suite");
            return this;
        }

        /**
         * @param subjects how many subjects' unwrapped keys to cache; 0 to 1 000 000, default 10 000
         * @return this builder
         */
        public Builder cacheSize(int subjects) {
            if (subjects < 0 || subjects > 1_000_000) {
                throw new IllegalArgumentException("cache size must be between 0 and 1000000");
            }
            this.cacheSize = subjects;
            return this;
        }

        /**
         * How long an unwrapped data key stays cached after it was unwrapped, by the kit's clock: a
         * key another instance shredded, or a rewrap after a master-key rotation, is seen here within
         * that time (a shred through this instance evicts at once).
         *
         * @param ttl positive, at most one day; default {@link #DEFAULT_CACHE_TTL}
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is not positive or longer than a day
         */
        public Builder keyCacheTtl(java.time.Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(java.time.Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("key cache TTL must be positive and at most one day, got " + ttl);
            }
            this.cacheTtl = ttl;
            return this;
        }

        /**
         * Declares the protected fields, so that the subject-request path can open them by table and
         * column (see {@link #openForSubject}) and the register can list what is encrypted.
         *
         * @param declared the fields
         * @return this builder
         * @throws IllegalArgumentException if two fields share a table and column
         */
        public Builder fields(ProtectedField... declared) {
            for (ProtectedField f : declared) {
                Objects.requireNonNull(f, "field");
                if (fields.putIfAbsent(f.table() + "." + f.column(), f) != null) {
                    throw new IllegalArgumentException("protected field " + f.table() + "." + f.column() + " is declared twice");
                }
            }
            return this;
        }

        /**
         * @return the field crypto
         * @throws IllegalStateException if the KEK provider or blind-index key is missing, or there is no
         *     access policy, neither here nor on the kit; the message names what is missing
         */
        public FieldCrypto build() {
            if (policy == null) {
                policy = kit.accessPolicy().orElse(null);
            }
            List<String> missing = new java.util.ArrayList<>();
            if (keks == null) {
                missing.add("key-encryption keys (keyEncryptionKeys)");
            }
            if (policy == null) {
                missing.add("an access policy (accessPolicy here or on the ConsentKit builder)");
            }
            if (indexKey == null) {
                missing.add("a blind-index key (blindIndexKey)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("FieldCrypto needs " + String.join(", ", missing));
            }
            return new FieldCrypto(this);
        }
    }
}
