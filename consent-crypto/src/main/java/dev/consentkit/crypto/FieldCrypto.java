package dev.consentkit.crypto;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KekId;
import dev.consentkit.core.IndexName;
import dev.consentkit.core.CategoryId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.crypto.spec.Suite;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.spi.protection.BlindIndexStore;
import dev.consentkit.core.rights.SubjectRights;
import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.ConsentKit;
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
import dev.consentkit.core.internal.Utf8;
import dev.consentkit.core.rights.IneligibleRequestException;
import dev.consentkit.core.RequestId;
import dev.consentkit.core.rights.SubjectRequest;
import dev.consentkit.core.rights.UnknownRequestException;
import dev.consentkit.core.spi.protection.ErasureReceipt;
import dev.consentkit.core.spi.protection.FieldProtector;
import dev.consentkit.core.spi.protection.ProtectionProfile;
import dev.consentkit.core.spi.protection.SealedValue;
import dev.consentkit.crypto.internal.DataKey;
import dev.consentkit.crypto.internal.FieldCiphertext;
import dev.consentkit.crypto.internal.FieldContext;
import dev.consentkit.crypto.internal.FieldSealer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
 * ProtectedField EMAIL = ProtectedField.of("client", "email", CategoryId.of("contact"), KeyGroup.of("contract"));
 * ConsentKit kit = ConsentKit.builder() ... .accessPolicy(policy).build();   // the one access policy
 * FieldCrypto crypto = FieldCrypto.builder(kit)
 *         .keyEncryptionKeys(KeyEncryptionKeyProvider.fromEnvironment("CK_MASTER_KEY"))
 *         .blindIndexKey(HmacKey.fromBase64(System.getenv("CK_INDEX_KEY")))
 *         .fields(EMAIL)
 *         .build();
 * String stored = crypto.seal(principal, ORDERS, EMAIL.at(clientId, subject), "anna@example.org");
 * String email = crypto.open(principal, ORDERS, EMAIL.at(clientId, subject), stored);
 * }</pre>
 *
 * <p><b>Access checks.</b> Every operation on values names a principal and a purpose, and is checked
 * against the access policy for the category the field is <em>declared</em> with
 * ({@link Builder#fields}) — never a category the caller supplies: {@link #seal} and {@link #index}
 * need {@link AccessAction#WRITE}, {@link #open} needs {@link AccessAction#READ} and the subject's
 * consent or legal basis for the purpose, {@link #find} needs {@link AccessAction#SEARCH}. Openings,
 * searches, failed openings and every refusal are audited (and so watched by access monitoring), in
 * short transactions of the kit's own — never the host's, so a field opens inside a read-only host
 * transaction — written behind by the kit within its delay, or committed before any plaintext is
 * returned, as the kit's {@code ReadAuditMode} says ({@code ConsentKit.Builder.readAudits}); an export
 * to the subject opens values only for a verified request ({@link #openForRequest}).
 *
 * <p>Keys live wrapped in the kit's storage (in memory or the host's database); unwrapped data keys
 * are cached, bounded in number and in time ({@link Builder#keyCacheTtl}), and evicted at once on
 * shred. An instance seals only under data keys it knows to be its own: one that can unwrap, under a
 * key row whose authenticator verifies under its master key's secret (it makes its own next version
 * otherwise); a write-only one, under keys it made itself in this process
 * ({@link RsaKeyEncryptionKeys}; {@code docs/security.md}). The access policy is the kit's
 * ({@code ConsentKit.Builder.accessPolicy}), the one the register and the compliance report read too;
 * it is required. Blind indexes find subjects by one value
 * ({@link BlindIndex}) or several together ({@link CompoundBlindIndex}); each names the field(s) it
 * holds and is declared with {@link Builder#blindIndex(BlindIndex)}, so its category and key group are
 * the declared field's. Thread-safe.
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
    /**
     * An opening failed on the value itself: reference {@code malformed: <table.column>} (not a
     * ConsentKit ciphertext), {@code version-binding: ...} (bound to a cell version and opened without
     * one, or the other way round) or {@code not-authentic: ...} (altered, moved, sealed for another
     * version of its cell, under another key, or naming a key that is neither the subject's nor a
     * shredded one). Never the value.
     */
    public static final AuditAction FIELD_OPEN_FAILED = new AuditAction("field.open_failed");
    /** A seal or a blind-index write was refused by the access policy. */
    public static final AuditAction FIELD_WRITE_REFUSED = new AuditAction("field.write_refused");
    /** A blind index was searched; reference: the index name. */
    public static final AuditAction INDEX_SEARCHED = new AuditAction("index.searched");
    /** A blind-index search was refused by the access policy. */
    public static final AuditAction INDEX_SEARCH_REFUSED = new AuditAction("index.search_refused");
    /** A subject's data key for a group got a new version, which new values are sealed with. */
    public static final AuditAction KEY_ROTATED = new AuditAction("key.rotated");
    /** A batch of data keys was rewrapped under the current master key. */
    public static final AuditAction KEYS_REWRAPPED = new AuditAction("key.rewrapped");
    /** A value sealed under an earlier data key (or suite) was sealed again under the current one. */
    public static final AuditAction FIELD_RESEALED = new AuditAction("field.resealed");

    private static final int MAX_REFERENCE = 128;

    private final ConsentKit kit;
    private final KeyEncryptionKeyProvider keks;
    private final DataKeys keys;
    private final AccessPolicy policy;
    private final Suite suite;
    private final FieldSealer sealer = new FieldSealer();
    private final Map<String, ProtectedField> fields;
    private final BlindIndexing indexing;

    private FieldCrypto(Builder b) {
        this.kit = b.kit;
        this.keks = b.keks;
        this.policy = b.policy;
        this.suite = b.suite;
        this.keys = new DataKeys(b.kit, b.keks, b.cacheSize, b.cacheTtl);
        this.fields = Map.copyOf(b.fields);
        this.indexing = new BlindIndexing(b.kit, b.indexKey.bytes(), b.indexes.values());
    }

    /** Who reads a value and how the reading is audited. */
    private record Reader(Actor actor, KeyedHash subjectRef, Optional<PurposeId> purpose, String reference) {
    }

    /**
     * @param kit the kit whose storage, catalogue, consent and audit chain are used
     * @return a builder
     */
    public static Builder builder(ConsentKit kit) {
        return new Builder(Objects.requireNonNull(kit, "kit"));
    }

    /**
     * Encrypts a text value for one cell, as a principal, making the subject's key for the field's
     * group if needed. The access policy must grant {@link AccessAction#WRITE} on the field's declared
     * category for the purpose; a refusal is audited ({@link #FIELD_WRITE_REFUSED}). A seal that is
     * allowed is not audited (writing reveals nothing; openings are).
     *
     * @param principal who writes (a member of staff, or the service account of a front end)
     * @param purpose why the value is collected
     * @param ref the cell the value will be stored in, and its version for freshness binding
     * @param value the plaintext; well-formed UTF-16
     * @return the ciphertext in text form ({@code ck1.} + base64url), for a text column
     * @throws IllegalArgumentException if the cell's table and column are not a declared field, or the
     *     value is not well-formed UTF-16 (it is not echoed)
     * @throws AccessDeniedException if the policy refuses the principal
     * @throws dev.consentkit.core.purpose.UnknownPurposeException if the purpose is not declared
     */
    public String seal(Principal principal, PurposeId purpose, FieldRef ref, String value) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(value, "value");
        ProtectedField field = declared(ref.table(), ref.column());
        KeyedHash subjectRef = kit.subjectRef(ref.subject());
        requireAllowed(principal, purpose, List.of(field), AccessAction.WRITE, FIELD_WRITE_REFUSED,
                Optional.of(subjectRef), field.toString());
        byte[] plaintext = Utf8.encode(value, "the value");
        try {
            return sealBytes(ref, field, subjectRef, plaintext).encodeText();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private FieldCiphertext sealBytes(FieldRef ref, ProtectedField field, KeyedHash subjectRef, byte[] plaintext) {
        // only a key this instance knows to be its own (DataKeys): never a row another party could make
        DataKey key = keys.current(subjectRef, field.group());
        return sealer.seal(key, suite, context(ref, subjectRef), plaintext);
    }

    /**
     * Decrypts a value for a purpose, as a principal. The access policy (for the field's declared
     * category) and the subject's consent or legal basis are checked <em>before</em> the value is
     * parsed or any key is unwrapped; the opening, every refusal and every failure on the value itself
     * ({@link #FIELD_OPEN_FAILED}) are audited.
     *
     * @param principal who reads
     * @param purpose why
     * @param ref the cell the value was read from, with the cell's version if it is sealed bound to one
     * @param sealed the ciphertext in text form
     * @return the plaintext, or the field's replacement value if the key was shredded
     * @throws IllegalArgumentException if the cell's table and column are not a declared field
     * @throws AccessDeniedException if the policy refuses the principal
     * @throws PurposeNotPermittedException if the subject's consent or the basis does not permit the purpose
     * @throws KeyDestroyedException if the key was shredded (a shred record names it) and the field
     *     declares no replacement
     * @throws DecryptionException if the value was changed, moved, sealed for another version of the
     *     cell (or with a version when none is given, or the other way round), or is not a ConsentKit
     *     ciphertext — including a key id that names no key of the subject and no shredded one (a
     *     damaged value is never taken for an erased one)
     * @throws IllegalStateException if this instance is write-only ({@link KeyEncryptionKeyProvider#canUnwrap()})
     */
    public String open(Principal principal, PurposeId purpose, FieldRef ref, String sealed) {
        Objects.requireNonNull(ref, "ref");
        ProtectedField field = declared(ref.table(), ref.column());
        return openUnlessShredded(principal, purpose, ref, sealed)
                .orElseGet(() -> field.replacement().orElseThrow(() -> new KeyDestroyedException(field)));
    }

    /**
     * {@link #open}, but a value whose key was shredded is empty (audited as {@link #open} audits it),
     * never the field's replacement: for callers that compare what they open.
     */
    Optional<String> openUnlessShredded(Principal principal, PurposeId purpose, FieldRef ref, String sealed) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(sealed, "sealed");
        requireUnwrapping();
        ProtectedField field = declared(ref.table(), ref.column());
        KeyedHash subjectRef = kit.subjectRef(ref.subject());
        requireAllowed(principal, purpose, List.of(field), AccessAction.READ, FIELD_OPEN_REFUSED,
                Optional.of(subjectRef), field.toString());
        Reader reader = new Reader(Actor.operator(principal.id()), subjectRef, Optional.of(purpose), field.toString());
        Decision decision = kit.check(ref.subject(), purpose);
        if (decision instanceof Decision.Denied denied) {
            audit(reader, FIELD_OPEN_REFUSED, AuditOutcome.DENIED, reader.reference());
            throw new PurposeNotPermittedException(denied.reason(), field + " for purpose " + purpose);
        }
        FieldCiphertext ciphertext = parse(sealed, ref, reader);
        Optional<DataKey> key = keys.byId(subjectRef, ciphertext.keyId());
        if (key.isEmpty()) {
            requireShredded(subjectRef, field, ciphertext.keyId(), reader);
            audit(reader, FIELD_OPENED, AuditOutcome.FAILED, reader.reference());
            return Optional.empty();
        }
        byte[] plaintext = decrypt(key.get(), context(ref, subjectRef), ciphertext, reader);
        audit(reader, FIELD_OPENED, AuditOutcome.SUCCESS, reader.reference());
        return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
    }

    /**
     * Opens a value of a declared field for the answer to an access or portability request, for the
     * request's subject: no role or purpose check, but the request is looked up in the kit's storage
     * and must allow it ({@link SubjectRequest#opensProtectedValues()}: identity verified, not closed).
     * The subject is the request's, never the caller's. The opening and every refusal or failure are
     * audited by the actor with the request's id. {@code SubjectDataService.export(RequestId, Actor)}
     * is the caller this is made for.
     *
     * @throws UnknownRequestException if the kit holds no such request
     * @throws IneligibleRequestException if the request is not an open, identity-verified ACCESS or
     *     PORTABILITY request
     * @throws IllegalArgumentException if the cell's table and column are not a declared field
     * @throws DecryptionException if the value was changed, moved, sealed for another version of the
     *     cell, or is not a ConsentKit ciphertext, or names a key that is neither the subject's nor a
     *     shredded one
     * @throws IllegalStateException if this instance is write-only ({@link KeyEncryptionKeyProvider#canUnwrap()})
     */
    @Override
    public Optional<String> openForRequest(RequestId request, SealedValue value, Actor actor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(actor, "actor");
        requireUnwrapping();
        ProtectedField field = declared(value.table(), value.column());
        SubjectRequest r = SubjectRights.builder(kit).build().find(request).orElseThrow(() -> new UnknownRequestException(request));
        KeyedHash subjectRef = kit.subjectRef(r.subject());
        Reader reader = new Reader(actor, subjectRef, Optional.empty(), "request " + request + " " + field);
        if (!r.opensProtectedValues()) {
            audit(reader, FIELD_OPEN_REFUSED, AuditOutcome.DENIED, reader.reference());
            throw new IneligibleRequestException(request, r.type(), r.state());
        }
        FieldRef ref = new FieldRef(value.table(), value.column(), value.rowKey(), r.subject(), value.version());
        FieldCiphertext ciphertext = parse(value.ciphertext(), ref, reader);
        Optional<DataKey> key = keys.byId(subjectRef, ciphertext.keyId());
        if (key.isEmpty()) {
            requireShredded(subjectRef, field, ciphertext.keyId(), reader);
            audit(reader, FIELD_OPENED, AuditOutcome.FAILED, reader.reference());
            return field.replacement();
        }
        byte[] plaintext = decrypt(key.get(), context(ref, subjectRef), ciphertext, reader);
        audit(reader, FIELD_OPENED, AuditOutcome.SUCCESS, reader.reference());
        return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
    }

    /**
     * Destroys a subject's data keys in the named groups (every group if {@code groups} is empty),
     * evicts them from every cache of this instance, removes the subject's blind-index entries of those
     * groups in the same unit of work (every entry when every group goes; also entries stored before
     * groups were recorded, until a {@link ReindexJob} attributes them), and audits it with the actor.
     * Each destroyed key leaves a shred record (subject reference, group, version, key id, KEK id,
     * time; no personal value), by which {@link #open} tells an erased value from a damaged one.
     *
     * <p>Erasure is not checked against the access policy (there is no "erase" action): it is what an
     * identity-verified erasure request ({@code SubjectDataService.erase}), a withdrawal or a retention
     * period ({@code RetentionEngine}) makes the controller do, and those paths call this.
     *
     * @param subject the subject
     * @param groups the key groups to shred; empty for every group
     * @param actor who erased
     * @return a receipt without personal data
     */
    @Override
    public ErasureReceipt shred(SubjectId subject, Set<KeyGroup> groups, Actor actor) {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        List<KeyGroup> named = groups.stream().sorted().toList();
        KeyedHash subjectRef = kit.subjectRef(subject);
        keys.evict(subjectRef);
        Instant now = now();
        ErasureReceipt receipt = KitContext.of(kit).storage().inTransaction(tx -> {
            int keys = KeyStore.in(tx).destroy(subjectRef, named, now);
            int entries = BlindIndexing.removeShredded(tx, subject, named);
            AuditEntry entry = KitContext.of(kit).append(tx, new AuditEvent(now, actor, KEYS_SHREDDED,
                    Optional.of(subjectRef), Optional.empty(), AuditOutcome.SUCCESS,
                    Optional.of(named.isEmpty() ? "all-groups"
                            : named.stream().map(KeyGroup::value).collect(java.util.stream.Collectors.joining(",")))));
            return new ErasureReceipt(subjectRef, named, keys, entries, now, entry.id());
        });
        keys.evict(subjectRef);
        return receipt;
    }

    @Override
    public ProtectionProfile describe() {
        return new ProtectionProfile(suite == Suite.AES_256_GCM ? "AES-256-GCM" : "XChaCha20-Poly1305",
                "random 256-bit data key per subject and group, wrapped by a master key from "
                        + keks.getClass().getSimpleName(),
                fields.values().stream()
                        .map(f -> new ProtectionProfile.Field(f.table(), f.column(), f.category(), f.group()))
                        .toList(),
                keks.describeMasterKeys());
    }

    /** @return the fields declared to this instance, keyed by {@code table.column} */
    public Map<String, ProtectedField> fields() {
        return fields;
    }

    /**
     * Records a subject's value in a blind index, replacing their earlier value there (in every
     * version), as a principal the policy grants {@link AccessAction#WRITE} on the declared category of
     * the index's field; a refusal is audited ({@link #FIELD_WRITE_REFUSED}). The entry belongs to the
     * key group of that field: shredding that group of the subject removes it.
     *
     * @param principal who writes
     * @param purpose why the value is collected
     * @param index the index, as declared ({@link Builder#blindIndex(BlindIndex)})
     * @param subject the subject
     * @param value the plaintext value; only its truncated keyed hash is stored
     * @throws IllegalArgumentException if the index is not declared, or the value is not well-formed
     *     UTF-16 or cannot be normalised (the value is not echoed); nothing is stored then
     * @throws AccessDeniedException if the policy refuses the principal
     */
    public void index(Principal principal, PurposeId purpose, BlindIndex index, SubjectId subject, String value) {
        indexChecked(principal, purpose, Objects.requireNonNull(index, "index").spec(), subject, value);
    }

    /**
     * Records a subject's values in a compound blind index, replacing their earlier entry there (in
     * every version), as a principal the policy grants {@link AccessAction#WRITE} on the declared
     * category of every field of the index; a refusal is audited ({@link #FIELD_WRITE_REFUSED}). The
     * entry belongs to the key group of the index's fields.
     *
     * @param principal who writes
     * @param purpose why the values are collected
     * @param index the index, as declared ({@link Builder#blindIndex(CompoundBlindIndex)})
     * @param subject the subject
     * @param values one plaintext value per part of the index, in order; only the truncated keyed
     *     hash of all of them together is stored
     * @throws IllegalArgumentException if the index is not declared, the number of values is not the
     *     number of parts, or a value is not well-formed UTF-16 or cannot be normalised (the value is
     *     not echoed); nothing is stored then
     * @throws AccessDeniedException if the policy refuses the principal
     */
    public void index(Principal principal, PurposeId purpose, CompoundBlindIndex index, SubjectId subject,
                      String... values) {
        indexChecked(principal, purpose, Objects.requireNonNull(index, "index").spec(), subject, values);
    }

    /**
     * Finds the subjects whose indexed value may equal {@code value}, as a principal the policy grants
     * {@link AccessAction#SEARCH} on the declared category of the index's field. Every search is
     * audited ({@link #INDEX_SEARCHED}, naming the index, never the value), and so is every refusal
     * ({@link #INDEX_SEARCH_REFUSED}). Truncated indexes collide on purpose: open the candidates'
     * fields to confirm. Entries of earlier normaliser versions, not yet moved by a
     * {@link ReindexJob}, are searched with the term of their own version.
     *
     * @param principal who searches
     * @param purpose why
     * @param index the index, as declared
     * @param value the searched value
     * @return the candidate subjects
     * @throws IllegalArgumentException if the index is not declared, or the value is not well-formed
     *     UTF-16 or cannot be normalised at the index's version (the value is not echoed)
     * @throws AccessDeniedException if the policy refuses the principal
     */
    public List<SubjectId> find(Principal principal, PurposeId purpose, BlindIndex index, String value) {
        return findChecked(principal, purpose, Objects.requireNonNull(index, "index").spec(), value);
    }

    /**
     * Finds the subjects whose indexed values may equal {@code values}, in every version up to the
     * index's, as a principal the policy grants {@link AccessAction#SEARCH} on the declared category
     * of every field of the index; audited as {@link #find(Principal, PurposeId, BlindIndex, String)}
     * is. Truncation makes candidates collide on purpose: open their fields to confirm.
     *
     * @param principal who searches
     * @param purpose why
     * @param index the index, as declared
     * @param values one searched value per part, in order
     * @return the candidate subjects
     * @throws IllegalArgumentException if the index is not declared, the number of values is not the
     *     number of parts, or a value is malformed (not echoed)
     * @throws AccessDeniedException if the policy refuses the principal
     */
    public List<SubjectId> find(Principal principal, PurposeId purpose, CompoundBlindIndex index, String... values) {
        return findChecked(principal, purpose, Objects.requireNonNull(index, "index").spec(), values);
    }

    /**
     * Finds the subjects whose value truly equals {@code value}: the candidates of
     * {@link #find(Principal, PurposeId, BlindIndex, String)}, each confirmed by opening the sealed
     * values the host gives for it ({@code values}) and comparing them with {@code value}, both
     * normalised by the index's normaliser. A truncated index returns, beside the subjects searched
     * for, about {@link BlindIndex#expectedFalseCandidates} others per search by design; this weeds
     * them out, at the cost of one audited opening per stored value of each candidate.
     *
     * <p>The principal needs {@link AccessAction#SEARCH} and {@link AccessAction#READ} on the field's
     * declared category for the purpose; both are checked before anything is searched, and a refusal
     * is audited. The search is audited as {@link #find} audits it, and every value opened as
     * {@link #open} audits it. A candidate none of whose values opens for the purpose — the subject's
     * consent or basis does not permit it, the value was altered or moved, the subject's keys were
     * shredded — or whose value does not normalise, is not returned.
     *
     * <pre>{@code
     * List<SubjectId> who = crypto.findConfirmed(staff, BOOKING, PHONE_INDEX, "+49 151 1234 5678",
     *         subject -> clients.sealedPhones(subject));   // SealedValue per row of that subject
     * }</pre>
     *
     * @param principal who searches
     * @param purpose why
     * @param index the index, as declared
     * @param value the searched value
     * @param values the host's stored sealed values of the index's field for a candidate subject (any
     *     number: one per row); none when the subject has no such row any more
     * @return the subjects whose stored value equals {@code value}, in the order found
     * @throws IllegalArgumentException if the index is not declared, the value is not well-formed UTF-16
     *     or cannot be normalised (not echoed), or {@code values} gives a value of another field
     * @throws AccessDeniedException if the policy refuses the principal SEARCH or READ
     */
    public List<SubjectId> findConfirmed(Principal principal, PurposeId purpose, BlindIndex index, String value,
                                         CandidateValues values) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(values, "values");
        IndexSpec spec = indexing.declared(Objects.requireNonNull(index, "index").spec());
        requireAllowed(principal, purpose, fieldsOf(spec), AccessAction.READ, FIELD_OPEN_REFUSED, Optional.empty(),
                "index " + spec.name());
        return Confirmations.confirm(this, spec, principal, purpose, value, findChecked(principal, purpose, spec, value), values);
    }

    private void indexChecked(Principal principal, PurposeId purpose, IndexSpec index, SubjectId subject,
                              String... values) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subject, "subject");
        IndexSpec declared = indexing.declared(index);
        requireAllowed(principal, purpose, fieldsOf(declared), AccessAction.WRITE, FIELD_WRITE_REFUSED,
                Optional.of(kit.subjectRef(subject)), "index " + declared.name());
        indexing.index(declared, subject, values);
    }

    private List<SubjectId> findChecked(Principal principal, PurposeId purpose, IndexSpec index, String... values) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(purpose, "purpose");
        IndexSpec declared = indexing.declared(index);
        requireAllowed(principal, purpose, fieldsOf(declared), AccessAction.SEARCH, INDEX_SEARCH_REFUSED,
                Optional.empty(), "index " + declared.name());
        List<SubjectId> found = indexing.find(declared, values);
        audit(new AuditEvent(now(), Actor.operator(principal.id()), INDEX_SEARCHED, Optional.empty(),
                Optional.of(purpose), AuditOutcome.SUCCESS, reference("index " + declared.name())));
        return found;
    }

    /** The declared fields a declared index holds: the access check takes their categories from here. */
    private List<ProtectedField> fieldsOf(IndexSpec index) {
        return index.parts().stream().map(p -> declared(p.field().table(), p.field().column())).distinct().toList();
    }

    /**
     * @return the index value of {@code value} at the index's version; not public: a term is only good
     *     for a search, and {@link #find} is the checked, audited way to search
     */
    String term(BlindIndex index, String value) {
        return indexing.term(Objects.requireNonNull(index, "index").spec(), value);
    }

    /**
     * @return the index value at the index's version: the truncated HMAC over the normalised parts,
     *     each preceded by its 4-byte big-endian UTF-8 length; not public, as {@link #term(BlindIndex, String)}
     */
    String term(CompoundBlindIndex index, String... values) {
        return indexing.term(Objects.requireNonNull(index, "index").spec(), values);
    }

    /** The blind indexes, for {@link ReindexJob}. */
    BlindIndexing indexing() {
        return indexing;
    }

    /** The kit, for {@link ReindexJob}. */
    ConsentKit kit() {
        return kit;
    }

    /** Whether any data key is still wrapped under a master key other than {@code kekId} (for {@link KeyFile#dropRetired}). */
    boolean anyKeyWrappedUnderOtherThan(KekId kekId) {
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
    public void rotateDataKey(SubjectId subject, KeyGroup group) {
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
     * operations, not as an opening; a value that fails to open is audited as {@link #FIELD_OPEN_FAILED}.
     *
     * <p><b>Freshness.</b> The value is opened and sealed again for exactly {@code ref}, version
     * included: give the version read from the same row, and store the result without changing it (the
     * value is the same). A stale value — sealed for an earlier version of the cell, or without a
     * version where {@code ref} has one — fails to open here as it does in {@link #open}, so a reseal
     * never launders an old value into a current-looking one. Without a version a replayed old value
     * cannot be told from the current one (see {@link FieldRef}).
     *
     * @param ref the cell the value was sealed for, with its version if it has one
     * @param sealed the stored ciphertext, in text form
     * @return the re-sealed value, or empty if {@code sealed} is already under the current key and suite
     * @throws IllegalArgumentException if the cell's table and column are not a declared field
     * @throws KeyDestroyedException if the key {@code sealed} names was shredded (the subject or the
     *     group was erased): there is nothing to re-encrypt
     * @throws DecryptionException if the value was changed or moved, sealed for another version of the
     *     cell, or is not a ConsentKit ciphertext, or names a key that is neither the subject's nor a
     *     shredded one
     * @throws IllegalStateException if this instance is write-only ({@link KeyEncryptionKeyProvider#canUnwrap()})
     */
    public Optional<String> resealIfOld(FieldRef ref, String sealed) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(sealed, "sealed");
        requireUnwrapping();
        ProtectedField field = declared(ref.table(), ref.column());
        KeyedHash subjectRef = kit.subjectRef(ref.subject());
        Reader reader = new Reader(DataKeys.COMPONENT, subjectRef, Optional.empty(), field.toString());
        FieldCiphertext old = parse(sealed, ref, reader);
        DataKey oldKey = keys.byId(subjectRef, old.keyId()).orElseThrow(() -> {
            requireShredded(subjectRef, field, old.keyId(), reader);
            return new KeyDestroyedException(field);
        });
        DataKey current = keys.current(subjectRef, field.group());
        if (old.keyId() == current.keyId() && old.suite() == suite) {
            return Optional.empty();
        }
        FieldContext context = context(ref, subjectRef);
        byte[] plaintext = decrypt(oldKey, context, old, reader);
        String resealed;
        try {
            resealed = sealer.seal(current, suite, context, plaintext).encodeText();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        audit(reader, FIELD_RESEALED, AuditOutcome.SUCCESS, reader.reference());
        return Optional.of(resealed);
    }

    /**
     * A key a value names is missing: it reads as erased only if it was shredded (its shred record, or
     * an earlier shred of the field's group); a key id that names nothing is a damaged value, audited
     * as {@link #FIELD_OPEN_FAILED} ({@code not-authentic}) and refused (issue 13, item 6).
     */
    private void requireShredded(KeyedHash subjectRef, ProtectedField field, int keyId, Reader reader) {
        if (!keys.wasShredded(subjectRef, field.group(), keyId)) {
            audit(reader, FIELD_OPEN_FAILED, AuditOutcome.FAILED, "not-authentic: " + reader.reference());
            throw new DecryptionException();
        }
    }

    /**
     * Records the shreds this kit made before its key store kept shred records (schema version 3 and
     * earlier), from the {@code key.shredded} events of the audit chain, by subject and group. Values
     * whose keys were shredded then read as shredded again (their field's replacement, or
     * {@link KeyDestroyedException}) instead of failing to decrypt. Run it once after upgrading the
     * database to schema version 4; running it again records nothing new.
     *
     * @return how many (subject, group) shreds were newly recorded
     */
    public int recordEarlierShreds() {
        return keys.recordEarlierShreds();
    }

    /** A key file this instance's storage must remember: its generation was just written. */
    void keyFileWritten(KeyFile.State state) {
        keys.recordKeyFileGeneration(state);
    }

    /** A write-only instance (its provider cannot unwrap) opens nothing, not even what it sealed. */
    private void requireUnwrapping() {
        if (!keks.canUnwrap()) {
            throw new IllegalStateException("this FieldCrypto is write-only: its master key " + keks.currentKekId()
                    + " cannot unwrap, so it seals but never opens");
        }
    }

    /** The declared field of a cell: its category and group never come from the caller (issue 12, finding 2). */
    private ProtectedField declared(String table, String column) {
        ProtectedField field = fields.get(table + "." + column);
        if (field == null) {
            throw new IllegalArgumentException("no protected field is declared for " + table + "." + column
                    + ": declare it with FieldCrypto.builder(kit).fields(...)");
        }
        return field;
    }

    /**
     * Checks the policy for every declared field an operation touches; the first refusal is audited as
     * {@code refusal} and thrown.
     */
    private void requireAllowed(Principal principal, PurposeId purpose, List<ProtectedField> touched, AccessAction action,
                                AuditAction refusal, Optional<KeyedHash> subjectRef, String what) {
        for (ProtectedField f : touched) {
            AccessDecision access = policy.decide(principal, purpose, f.category(), action);
            if (access instanceof AccessDecision.Refused refused) {
                audit(new AuditEvent(now(), Actor.operator(principal.id()), refusal, subjectRef, Optional.of(purpose),
                        AuditOutcome.DENIED, reference(what)));
                throw new AccessDeniedException(refused.reason(), what + " for purpose " + purpose);
            }
        }
    }

    /** Parses a stored value; a malformed one, or one bound to a version the cell does not name, is audited and refused. */
    private FieldCiphertext parse(String sealed, FieldRef ref, Reader reader) {
        FieldCiphertext ciphertext;
        try {
            ciphertext = FieldCiphertext.parseText(sealed);
        } catch (DecryptionException e) {
            audit(reader, FIELD_OPEN_FAILED, AuditOutcome.FAILED, "malformed: " + reader.reference());
            throw e;
        }
        if (ciphertext.versionBound() != ref.version().isPresent()) {
            audit(reader, FIELD_OPEN_FAILED, AuditOutcome.FAILED, "version-binding: " + reader.reference());
            throw new DecryptionException();
        }
        return ciphertext;
    }

    /** Authenticates and decrypts; a value that does not authenticate in its cell is audited and refused. */
    private byte[] decrypt(DataKey key, FieldContext context, FieldCiphertext ciphertext, Reader reader) {
        try {
            return sealer.open(key, context, ciphertext);
        } catch (DecryptionException e) {
            audit(reader, FIELD_OPEN_FAILED, AuditOutcome.FAILED, "not-authentic: " + reader.reference());
            throw e;
        }
    }

    private static FieldContext context(FieldRef ref, KeyedHash subjectRef) {
        return new FieldContext(ref.table(), ref.column(), ref.rowKey(), subjectRef.value(), ref.version());
    }

    private void audit(Reader reader, AuditAction action, AuditOutcome outcome, String reference) {
        audit(new AuditEvent(now(), reader.actor(), action, Optional.of(reader.subjectRef()), reader.purpose(), outcome,
                reference(reference)));
    }

    /**
     * The one place this class records the audit entries of openings, refusals, failures, searches and
     * reseals: in a short transaction of the kit's own ({@link dev.consentkit.AuditTrail#recordRead}),
     * never the host's, so it works inside a read-only host transaction and survives a host rollback;
     * written behind in batches (the default) or committed before the caller gets any plaintext
     * (synchronous), as the kit's {@code ReadAuditMode} says. Writes (a
     * shred, a key made or rotated, a rewrap, a re-index batch) append their entries inside their own
     * unit of work instead, with what they change.
     */
    private void audit(AuditEvent event) {
        KitContext.of(kit).recordRead(event);
    }

    /** An audit reference of at most 128 characters: long table and column names are cut, never the reason. */
    private static Optional<String> reference(String text) {
        return Optional.of(text.length() <= MAX_REFERENCE ? text : text.substring(0, MAX_REFERENCE - 3) + "...");
    }

    private Instant now() {
        return KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS);
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
        private final Map<IndexName, IndexSpec> indexes = new LinkedHashMap<>();

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
         * Declares the protected fields. Every operation names a cell by table and column and takes the
         * field's category (what the access policy checks) and key group from this declaration only; an
         * undeclared field is refused. The register lists what is declared.
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
         * Declares a blind index. The index names the field it holds ({@link BlindIndex#field()}), which
         * must be declared with {@link #fields} with the same category and key group:
         * {@link FieldCrypto#index} needs {@link AccessAction#WRITE} and {@link FieldCrypto#find}
         * {@link AccessAction#SEARCH} on that category, and the entries go with that group's keys. An
         * undeclared index is refused by both.
         *
         * @param index the index
         * @return this builder
         * @throws IllegalArgumentException if an index of that name is already declared
         */
        public Builder blindIndex(BlindIndex index) {
            return declareIndex(Objects.requireNonNull(index, "index").spec());
        }

        /**
         * Declares a compound blind index, as {@link #blindIndex(BlindIndex)} declares a single-value one:
         * every field it holds ({@link CompoundBlindIndex#parts()}) must be declared with {@link #fields},
         * and {@link FieldCrypto#index} and {@link FieldCrypto#find} are checked against the category of
         * every one of them.
         *
         * @param index the index
         * @return this builder
         * @throws IllegalArgumentException if an index of that name is already declared (single-value and
         *     compound indexes share one namespace in storage)
         */
        public Builder blindIndex(CompoundBlindIndex index) {
            return declareIndex(Objects.requireNonNull(index, "index").spec());
        }

        private Builder declareIndex(IndexSpec index) {
            if (indexes.putIfAbsent(index.name(), index) != null) {
                throw new IllegalArgumentException("blind index " + index.name() + " is declared twice");
            }
            return this;
        }

        /**
         * @return the field crypto, installed as the kit's field protector (one per kit)
         * @throws IllegalStateException if the kit has a field protector already, the KEK provider or
         *     blind-index key is missing, the kit has no access policy ({@code ConsentKit.Builder.accessPolicy}), a
         *     declared field's category is not in the
         *     kit's catalogue, or a blind index holds a field that is not declared, or declared with
         *     another category or key group; the message names what is wrong
         * @throws KeyFileException if the master keys come from a {@link KeyFile} that this kit's database
         *     has seen at a later generation (the file was rolled back), or that lacks a master key data
         *     keys are still wrapped under; the generation of a file seen for the first time, or later
         *     than before, is recorded
         */
        public FieldCrypto build() {
            KitContext.of(kit).requirePort(KeyStore.class);
            KitContext.of(kit).requirePort(BlindIndexStore.class);
            // the one access policy is the kit's: field protection, the register and the compliance report read it
            policy = KitContext.of(kit).accessPolicy().orElse(null);
            List<String> missing = new java.util.ArrayList<>();
            if (keks == null) {
                missing.add("key-encryption keys (keyEncryptionKeys)");
            }
            if (policy == null) {
                missing.add("an access policy (set it with ConsentKit.Builder.accessPolicy: field encryption checks"
                        + " the kit's policy)");
            }
            if (indexKey == null) {
                missing.add("a blind-index key (blindIndexKey)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("FieldCrypto needs " + String.join(", ", missing));
            }
            for (ProtectedField f : fields.values()) {
                if (kit.catalog().category(f.category()).isEmpty()) {
                    throw new IllegalStateException("protected field " + f + " names data category '" + f.category()
                            + "', which the catalogue does not declare");
                }
            }
            for (IndexSpec index : indexes.values()) {
                for (CompoundBlindIndex.Part part : index.parts()) {
                    ProtectedField f = part.field();
                    ProtectedField declared = fields.get(f.table() + "." + f.column());
                    if (declared == null) {
                        throw new IllegalStateException("blind index " + index.name() + " holds " + f
                                + ", which is not declared with fields(...)");
                    }
                    if (!declared.category().equals(f.category()) || !declared.group().equals(f.group())) {
                        throw new IllegalStateException("blind index " + index.name() + " holds " + f + " as category '"
                                + f.category() + "' in key group " + f.group() + ", but it is declared as category '"
                                + declared.category() + "' in key group " + declared.group()
                                + ": an index takes both from the declared field");
                    }
                }
            }
            KitContext context = KitContext.of(kit);
            for (Class<?> port : List.of(KeyStore.class, BlindIndexStore.class)) {
                if (!context.offers(port)) {
                    throw new IllegalStateException("the kit's storage offers no " + port.getSimpleName()
                            + " port, which field encryption needs (InMemoryStorage and JdbcStorage offer it)");
                }
            }
            FieldCrypto crypto = new FieldCrypto(this);
            if (keks instanceof LocalKeyEncryptionKeys local) {
                crypto.keys.checkKeyFile(local);
            }
            // field protection is configured once per kit: compliance, the registers, transparency,
            // export, erasure and retention all read this one
            context.install(FieldProtector.class, crypto);
            return crypto;
        }
    }
}
