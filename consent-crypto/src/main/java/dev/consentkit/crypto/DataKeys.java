package dev.consentkit.crypto;

import dev.consentkit.core.KeyGroup;
import dev.consentkit.core.KekId;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.AuditTrail;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.core.Actor;
import dev.consentkit.core.ConcurrentUpdateException;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.audit.AuditAction;
import dev.consentkit.core.audit.AuditEvent;
import dev.consentkit.core.audit.AuditOutcome;
import dev.consentkit.core.audit.AuditRecord;
import dev.consentkit.core.spi.protection.KekUsage;
import dev.consentkit.core.spi.protection.KeyFileId;
import dev.consentkit.core.spi.StorageTransaction;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.crypto.internal.DataKey;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The data keys of {@link FieldCrypto}: made, found, rotated and rewrapped in the kit's key store,
 * unwrapped under the master key(s), cached. Thread-safe.
 *
 * <p><b>Which key a seal uses.</b> An instance seals only under a key it knows to be its own:
 * <ul>
 *   <li>one that can unwrap (a back office) seals under the group's current row only if the row's
 *       authenticator verifies under its master key's secret ({@link KeyEncryptionKeyProvider#authenticateKeyRow});
 *       otherwise — a row a write-only front end made, one a database writer inserted, one stored before
 *       schema version 4 — it makes its own next version and seals under that;</li>
 *   <li>a write-only one (a front end) seals only under keys it made itself, in this process, and kept
 *       in its cache; it never takes a key from a stored row.</li>
 * </ul>
 * Opening accepts any row whose key unwraps; a row that carries an authenticator which does not verify
 * was altered and is refused.
 */
final class DataKeys {
    static final Actor COMPONENT = Actor.system("field-crypto");
    private static final int ATTEMPTS = 5;

    private final ConsentKit kit;
    private final KeyEncryptionKeyProvider keks;
    private final KeyCache cache;
    private final SecureRandom random = new SecureRandom();

    DataKeys(ConsentKit kit, KeyEncryptionKeyProvider keks, int cacheSize, java.time.Duration cacheTtl) {
        this.kit = kit;
        this.keks = keks;
        this.cache = new KeyCache(cacheSize, cacheTtl, KitContext.of(kit).clock());
    }

    /** Whether any data key in the store is wrapped under a master key other than {@code kekId}. */
    boolean anyWrappedUnderOtherThan(KekId kekId) {
        return !KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).wrappedUnderOtherThan(kekId, 1)).isEmpty();
    }

    /**
     * The key new values of the group are sealed with (see the class comment for which one). Made if
     * there is none this instance may seal under.
     */
    DataKey current(KeyedHash subjectRef, KeyGroup group) {
        Optional<DataKey> cached = cache.current(subjectRef, group);
        if (cached.isPresent()) {
            return cached.get();
        }
        DataKey key;
        if (!keks.canUnwrap()) {
            // a front end: never a stored row's key, only one it makes now
            key = retrying(() -> KitContext.of(kit).storage().inTransaction(tx ->
                    create(tx, subjectRef, group, FieldCrypto.KEY_CREATED)));
        } else {
            Optional<DataKey> own = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).current(subjectRef, group))
                    .filter(this::isOwn).map(this::unwrap);
            key = own.orElseGet(() -> retrying(() -> KitContext.of(kit).storage().inTransaction(tx -> KeyStore.in(tx).current(subjectRef, group)
                    .filter(this::isOwn).map(this::unwrap)
                    .orElseGet(() -> create(tx, subjectRef, group, FieldCrypto.KEY_CREATED)))));
        }
        cache.put(subjectRef, group, key);
        return key;
    }

    /** The key a ciphertext names, if it still exists and is the subject's. */
    Optional<DataKey> byId(KeyedHash subjectRef, int keyId) {
        Optional<DataKey> cached = cache.byId(subjectRef, keyId);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<DataKey> stored = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).find(subjectRef, keyId)).map(this::unwrap);
        stored.ifPresent(k -> cache.putById(subjectRef, k));
        return stored;
    }

    /**
     * Whether a key that no longer exists was shredded (its shred record, or an earlier shred of its
     * group) — as opposed to never having existed, which is what a damaged key id looks like.
     */
    boolean wasShredded(KeyedHash subjectRef, KeyGroup group, int keyId) {
        return KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).shredded(subjectRef, group, keyId)).isPresent();
    }

    /** Adds the group's next version, which becomes current here at once. */
    void rotate(KeyedHash subjectRef, KeyGroup group) {
        DataKey key = retrying(() -> KitContext.of(kit).storage().inTransaction(tx ->
                create(tx, subjectRef, group, FieldCrypto.KEY_ROTATED)));
        cache.put(subjectRef, group, key);
    }

    /**
     * Rewraps, batch by batch, every data key not under the current master key. The unwrapping and
     * wrapping happen outside the unit of work (a KMS may take a round trip per key), which then only
     * writes; a key shredded in between is skipped. The new wrapping binds key id and KEK id (format 2);
     * a row keeps being its maker's own only if it was: a front end's row, or one stored before schema
     * version 4, is rewrapped without an authenticator, so the rewrap never turns a row this instance
     * did not make into one it seals under.
     */
    RotationReport rewrapAll(int batchSize, Consumer<? super RotationReport> progress) {
        KekId kekId = keks.currentKekId();
        RotationReport report = new RotationReport(kekId, 0, 0, 0);
        while (true) {
            List<WrappedKey> batch = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).wrappedUnderOtherThan(kekId, batchSize));
            if (batch.isEmpty()) {
                return report;
            }
            List<WrappedKey> rewrapped = new ArrayList<>(batch.size());
            for (WrappedKey old : batch) {
                boolean own = isOwn(old);
                byte[] dek = unwrapBytes(old);
                try {
                    byte[] context = KeyRows.contextV2(old.subjectRef(), old.group().value(), old.version(), old.keyId(), kekId.value());
                    WrappedKey row = old.rewrapped(kekId, keks.wrap(dek, context), WrappedKey.FORMAT_V2, new byte[0]);
                    rewrapped.add(own ? authenticated(row) : row);
                } finally {
                    Arrays.fill(dek, (byte) 0);
                }
            }
            if (!kekId.equals(keks.currentKekId())) {
                throw new IllegalStateException("the current master key changed during the rotation; run it again");
            }
            Instant now = now();
            long done = KitContext.of(kit).storage().inTransaction(tx -> {
                long count = rewrapped.stream().filter(k -> KeyStore.in(tx).rewrap(k)).count();
                audit(tx, now, FieldCrypto.KEYS_REWRAPPED, Optional.empty(),
                        count + " of " + rewrapped.size() + " to " + kekId);
                return count;
            });
            report = report.plus(done, batch.size() - done);
            progress.accept(report);
        }
    }

    void evict(KeyedHash subjectRef) {
        cache.evict(subjectRef);
    }

    /**
     * Checks the master keys of a key file against the store, and records the file's generation: a file
     * rolled back to an earlier generation than the store has seen, a version-1 file where a version-2
     * one was seen, or a file lacking a master key that data keys are still wrapped under, is refused.
     *
     * @throws KeyFileException if the file was rolled back or lacks a master key in use
     */
    void checkKeyFile(LocalKeyEncryptionKeys file) {
        Optional<KeyFile.State> state = file.keyFile();
        if (state.isEmpty()) {
            return;
        }
        Map<KekId, KekUsage> usage = KitContext.of(kit).storage().read(tx -> KeyStore.in(tx).usageByKek());
        TreeSet<String> missing = new TreeSet<>();
        usage.forEach((kekId, used) -> {
            if (used.stored() > 0 && !file.kekIds().contains(kekId.value())) {
                missing.add(kekId.value());
            }
        });
        if (!missing.isEmpty()) {
            throw new KeyFileException("the key file lacks master key(s) " + missing + " that data keys are still wrapped"
                    + " under: it was rolled back or a key was removed; restore the file that holds them");
        }
        Instant now = now();
        retrying(() -> KitContext.of(kit).storage().inTransaction(tx -> {
            KeyFile.State s = state.get();
            if (s.fileId().isEmpty()) {
                if (KeyStore.in(tx).keyFilesRecorded() > 0) {
                    throw new KeyFileException("a version-1 key file was given, but this database has seen a version-2"
                            + " key file: the file was rolled back; restore the current one");
                }
                return null;
            }
            KeyFileId id = s.fileId().get();
            OptionalLong seen = KeyStore.in(tx).keyFileGeneration(id);
            if (seen.isPresent() && seen.getAsLong() > s.generation()) {
                throw new KeyFileException("key file " + id + " was rolled back: it is generation " + s.generation()
                        + ", but this database has seen generation " + seen.getAsLong() + "; restore the current file");
            }
            KeyStore.in(tx).recordKeyFileGeneration(id, s.generation(), now);
            return null;
        }));
    }

    /** Records that a key file was written at a generation (by {@link KeyFile#dropRetired}). */
    void recordKeyFileGeneration(KeyFile.State state) {
        state.fileId().ifPresent(id -> retrying(() -> KitContext.of(kit).storage().inTransaction(tx -> {
            KeyStore.in(tx).recordKeyFileGeneration(id, state.generation(), now());
            return null;
        })));
    }

    /**
     * Records, from the audit chain, the shreds made before the key store kept shred records (schema
     * version 3 and earlier), by subject and group: afterwards their values read as shredded again
     * instead of failing to decrypt. Idempotent.
     *
     * @return how many earlier shreds were newly recorded
     */
    int recordEarlierShreds() {
        int recorded = 0;
        long from = 1;
        while (true) {
            List<AuditRecord> page = AuditTrail.of(kit).records(from, 1_000);
            if (page.isEmpty()) {
                return recorded;
            }
            List<AuditEvent> shreds = page.stream().map(AuditRecord::event)
                    .filter(e -> e.action().equals(FieldCrypto.KEYS_SHREDDED) && e.outcome() == AuditOutcome.SUCCESS
                            && e.subjectRef().isPresent() && e.reference().isPresent())
                    .toList();
            recorded += KitContext.of(kit).storage().inTransaction(tx -> {
                int n = 0;
                for (AuditEvent e : shreds) {
                    String reference = e.reference().get();
                    List<Optional<String>> groups = "all-groups".equals(reference) ? List.of(Optional.empty())
                            : Arrays.stream(reference.split(",")).map(Optional::of).toList();
                    for (Optional<String> g : groups) {
                        if (KeyStore.in(tx).recordEarlierShred(e.subjectRef().get(), g.map(KeyGroup::of), e.time())) {
                            n++;
                        }
                    }
                }
                return n;
            });
            from = page.get(page.size() - 1).sequence() + 1;
        }
    }

    /** Makes the group's next version: this instance's own, authenticated where the provider can. */
    private DataKey create(StorageTransaction tx, KeyedHash subjectRef, KeyGroup group, AuditAction action) {
        int last = KeyStore.in(tx).current(subjectRef, group).map(WrappedKey::version).orElse(0);
        if (last == Integer.MAX_VALUE) {
            // only a planted or damaged row gets here: 2^31 versions are not made by rotation
            throw new IllegalStateException("the data keys of group " + group + " of this subject are at the highest"
                    + " version number; the key store was altered");
        }
        int version = last + 1;
        byte[] dek = new byte[DataKey.BYTES];
        random.nextBytes(dek);
        int keyId = random.nextInt();
        KekId kekId = keks.currentKekId();
        try {
            byte[] wrapped = keks.wrap(dek, KeyRows.contextV2(subjectRef, group.value(), version, keyId, kekId.value()));
            KeyStore.in(tx).add(authenticated(new WrappedKey(subjectRef, group, version, keyId, kekId, wrapped, now(),
                    WrappedKey.FORMAT_V2, new byte[0])));
            audit(tx, now(), action, Optional.of(subjectRef), group + " v" + version);
            return DataKey.of(keyId, dek);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** The row with this provider's authenticator, or as it is if the provider cannot authenticate. */
    private WrappedKey authenticated(WrappedKey row) {
        return keks.authenticateKeyRow(row.kekId(), KeyRows.authenticated(row))
                .map(tag -> row.rewrapped(row.kekId(), row.wrapped(), row.format(), tag))
                .orElse(row);
    }

    /** Whether this instance made the row: format 2 and an authenticator that verifies under its secret. */
    private boolean isOwn(WrappedKey row) {
        if (row.format() != WrappedKey.FORMAT_V2 || !row.hasAuthenticator()) {
            return false;
        }
        return keks.authenticateKeyRow(row.kekId(), KeyRows.authenticated(row))
                .map(tag -> MessageDigest.isEqual(tag, row.authenticator())).orElse(false);
    }

    /** A new random key id that collides, or a concurrent maker of the same version, is retried afresh. */
    private static <T> T retrying(Supplier<T> unitOfWork) {
        ConcurrentUpdateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return unitOfWork.get();
            } catch (ConcurrentUpdateException e) {
                last = e;
            }
        }
        throw last;
    }

    private DataKey unwrap(WrappedKey wrapped) {
        byte[] dek = unwrapBytes(wrapped);
        try {
            return DataKey.of(wrapped.keyId(), dek);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /**
     * Unwraps a row's key with the context of its format. A row whose authenticator this provider can
     * check and which does not verify was altered: refused, whatever it would unwrap to.
     */
    private byte[] unwrapBytes(WrappedKey row) {
        if (row.hasAuthenticator()) {
            Optional<byte[]> expected = keks.authenticateKeyRow(row.kekId(), KeyRows.authenticated(row));
            if (expected.isPresent() && !MessageDigest.isEqual(expected.get(), row.authenticator())) {
                throw new DecryptionException();
            }
        }
        return keks.unwrap(row.kekId(), row.wrapped(), KeyRows.wrapContext(row));
    }

    private void audit(StorageTransaction tx, Instant time, AuditAction action, Optional<KeyedHash> subjectRef,
                       String reference) {
        KitContext.of(kit).append(tx, new AuditEvent(time, COMPONENT, action, subjectRef, Optional.empty(),
                AuditOutcome.SUCCESS, Optional.of(reference)));
    }

    private Instant now() {
        return KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "DataKeys[" + keks + "]";
    }
}
