package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.crypto.spec.Suite;
import dev.consentkit.core.spi.protection.KeyStore;
import dev.consentkit.core.context.KitContext;
import dev.consentkit.ConsentKit;
import dev.consentkit.core.KeyedHash;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.spi.protection.WrappedKey;
import dev.consentkit.crypto.internal.DataKey;
import dev.consentkit.crypto.internal.FieldContext;
import dev.consentkit.crypto.internal.FieldSealer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the kit stored before schema version 4, made the way it made it then: a data-key row of format
 * 1 (wrap context without key id and KEK id, no authenticator), and values sealed under its key. Also
 * how a database writer holding only a public key makes a row of its own.
 */
final class LegacyKeys {
    private static final FieldSealer SEALER = new FieldSealer();

    private LegacyKeys() {
    }

    /** A data key, its row and a way to seal under it. */
    record Planted(WrappedKey row, DataKey key) {
        /** Seals a value for a cell under this key, as any holder of the key can. */
        String seal(ConsentKit kit, FieldRef ref, String value) {
            return SEALER.seal(key, Suite.AES_256_GCM, context(kit, ref),
                    value.getBytes(java.nio.charset.StandardCharsets.UTF_8)).encodeText();
        }

        /** Opens a value with this key, as any holder of the key can. */
        String open(ConsentKit kit, FieldRef ref, String sealed) {
            return new String(SEALER.open(key, context(kit, ref), dev.consentkit.crypto.internal.FieldCiphertext.parseText(sealed)),
                    java.nio.charset.StandardCharsets.UTF_8);
        }

        private static FieldContext context(ConsentKit kit, FieldRef ref) {
            KeyedHash subjectRef = kit.subjectRef(ref.subject());
            return new FieldContext(ref.table(), ref.column(), ref.rowKey(), subjectRef.value(), ref.version());
        }
    }

    /** A row of the field's key group as v3 stored it (format 1), wrapped by {@code keks}, stored in the kit's key store. */
    static Planted v3Row(ConsentKit kit, KeyEncryptionKeyProvider keks, ProtectedField field, SubjectId subject,
                         int version, int keyId, byte[] dek) {
        KeyedHash subjectRef = kit.subjectRef(subject);
        byte[] wrapped = keks.wrap(dek, KeyRows.contextV1(subjectRef, field.group().value(), version));
        WrappedKey row = new WrappedKey(subjectRef, field.group(), version, keyId, keks.currentKekId(), wrapped,
                Instant.parse("2025-06-01T00:00:00Z"));
        return plant(kit, row, dek);
    }

    /**
     * A row of the field's key group of the current format, unauthenticated: what a front end, or anyone
     * with the public key, makes.
     */
    static Planted forgedRow(ConsentKit kit, KeyEncryptionKeyProvider publicKeyOnly, ProtectedField field,
                             SubjectId subject, int version, int keyId, byte[] dek, byte[] authenticator) {
        KeyedHash subjectRef = kit.subjectRef(subject);
        KekId kekId = publicKeyOnly.currentKekId();
        byte[] wrapped = publicKeyOnly.wrap(dek, KeyRows.contextV2(subjectRef, field.group().value(), version, keyId,
                kekId.value()));
        WrappedKey row = new WrappedKey(subjectRef, field.group(), version, keyId, kekId, wrapped,
                KitContext.of(kit).clock().instant().truncatedTo(ChronoUnit.MICROS), WrappedKey.FORMAT_V2, authenticator);
        return plant(kit, row, dek);
    }

    private static Planted plant(ConsentKit kit, WrappedKey row, byte[] dek) {
        KitContext.of(kit).storage().inTransaction(tx -> {
            KeyStore.in(tx).add(row);
            return null;
        });
        return new Planted(row, DataKey.of(row.keyId(), dek));
    }

    /** @return 32 bytes of {@code b}: a key the attacker chose */
    static byte[] chosen(int b) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) b);
        return key;
    }

    /** @return the key id a text ciphertext names */
    static int keyIdOf(String sealed) {
        return dev.consentkit.crypto.internal.FieldCiphertext.parseText(sealed).keyId();
    }
}
