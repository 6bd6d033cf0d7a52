package dev.consentkit.crypto;

import dev.consentkit.core.KekId;
import dev.consentkit.core.spi.protection.KeyFileId;
import dev.consentkit.crypto.internal.Argon2id;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Master keys kept in a local file, sealed with a passphrase: for a host without a KMS. One file holds
 * every master key still needed — the current one, which wraps new data keys, and the earlier ones,
 * which still unwrap data keys not yet rewrapped after a rotation ({@link FieldCrypto#rewrapAll}).
 *
 * <pre>{@code
 * KeyFile.create(path, passphrase, KekId.of("kek-2026"));     // once
 * FieldCrypto.builder(kit).keyEncryptionKeys(KeyFile.open(path, passphrase)) ...
 * KeyFile.rotate(path, passphrase, KekId.of("kek-2027"));     // a new current key; then rewrapAll
 * KeyFile.dropRetired(path, passphrase, crypto);              // after rewrapAll: forget kek-2026
 * }</pre>
 *
 * <p>The file is small JSON (format version 2), self-describing so that its costs can be raised later:
 *
 * <pre>{@code
 * {"format": "consentkit-key-file", "version": 2,
 *  "id": "<random, base64url>", "generation": 3,
 *  "kdf": {"name": "argon2id", "version": 19, "memoryKiB": 65536, "iterations": 3, "parallelism": 1,
 *          "salt": "<base64>"},
 *  "current": "kek-2027", "keys": ["kek-2026", "kek-2027"],
 *  "nonce": "<base64>", "sealed": "<base64>"}
 * }</pre>
 *
 * A 256-bit file key is derived from the passphrase with Argon2id (RFC 9106; 64 MiB, 3 passes, 1 lane,
 * a random 16-byte salt); every master key is sealed under it in one AES-256-GCM message whose
 * associated data binds the whole file — its id, its generation, the KDF parameters and salt, the list
 * of key ids and which is current. So no key can be removed, added, renamed or made current, and the
 * generation cannot be changed, without the file failing to open. Every write draws a fresh salt and
 * nonce and raises the generation by one.
 *
 * <p><b>Rollback.</b> An intact older copy of the file still opens on its own. {@link FieldCrypto}
 * therefore remembers, in the kit's database, the highest generation it has seen of each key file,
 * and its builder refuses a file of a lower generation, a version-1 file once a version-2 one was
 * seen, and a file that lacks a master key that data keys are still wrapped under (see
 * {@code docs/security.md}, "Key files").
 *
 * <p><b>Passphrases.</b> A file is written only with a passphrase of at least
 * {@value #MIN_PASSPHRASE_CHARACTERS} characters (NIST SP 800-63B-4 §3.1.1.2, for a password that is the
 * only factor). Opening takes any passphrase, so that files written before this rule keep opening;
 * {@link #changePassphrase} gives such a file a longer one.
 *
 * <p><b>Version 1.</b> Files written before version 2 (each key sealed on its own, no generation) still
 * open. {@link #upgrade} rewrites one as version 2; so does any other write.
 *
 * <p>Writes are atomic (a temporary file in the same directory, flushed, then renamed over), and the
 * file is readable and writable by its owner only where the file system has POSIX permissions.
 * Passphrases are never stored, logged or put in a message; the derived key and the master keys read
 * are zeroed after use (the returned provider keeps its own copies). The caller owns the passphrase
 * array and may clear it after the call. Thread-safe; two processes rotating one file at the same time
 * are not guarded against (the last rename wins).
 */
public final class KeyFile {
    /** The fewest characters (Unicode code points) a passphrase that writes a key file may have. */
    public static final int MIN_PASSPHRASE_CHARACTERS = 15;

    private KeyFile() {
    }

    /**
     * What a key file was when it was read: its id and generation (none for a version-1 file).
     *
     * @param fileId the file's random id; empty for a version-1 file
     * @param generation how many times the file was written, from 1; 0 for a version-1 file
     */
    record State(Optional<KeyFileId> fileId, long generation) {
    }

    /**
     * Creates a key file holding one new random 256-bit master key.
     *
     * @param file where; must not exist (checked just before the atomic rename)
     * @param passphrase at least {@value #MIN_PASSPHRASE_CHARACTERS} characters; not modified
     * @param kekId the key's id, stored beside every data key it wraps
     * @throws KeyFileException if the file exists or cannot be written
     * @throws IllegalArgumentException if the passphrase is shorter than
     *     {@value #MIN_PASSPHRASE_CHARACTERS} characters
     * @throws NullPointerException if an argument is null
     */
    public static void create(Path file, char[] passphrase, KekId kekId) {
        create(file, passphrase, kekId, Argon2id.Params.DEFAULT);
    }

    /** {@link #create(Path, char[], KekId)} with other Argon2id costs; tests use cheap ones. */
    static void create(Path file, char[] passphrase, KekId kekId, Argon2id.Params params) {
        Objects.requireNonNull(file, "file");
        checkNewPassphrase(passphrase);
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(params, "params");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileException("key file " + file + " exists; it is never overwritten",
                    new FileAlreadyExistsException(file.toString()));
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(kekId.value(), KeyFileFormat.randomKey());
        try {
            State fresh = new State(Optional.of(KeyFileFormat.newId()), 0);
            KeyFileFormat.write(file, passphrase, new KeyFileFormat.Contents(params, fresh, kekId.value(), keys), false);
        } finally {
            KeyFileFormat.zero(keys);
        }
    }

    /**
     * Opens a key file (version 2, or version 1 as written before).
     *
     * @param file the key file
     * @param passphrase its passphrase; not modified
     * @return its master keys, the current one wrapping new data keys
     * @throws KeyFileException if the passphrase is wrong or the file damaged (message
     *     {@value KeyFileException#WRONG_PASSPHRASE_OR_DAMAGED}, nothing more), or it cannot be read
     * @throws NullPointerException if an argument is null
     */
    public static LocalKeyEncryptionKeys open(Path file, char[] passphrase) {
        KeyFileFormat.Contents contents = KeyFileFormat.read(file, passphrase);
        try {
            return LocalKeyEncryptionKeys.of(contents.current(), contents.keys(), Optional.of(contents.state()));
        } finally {
            KeyFileFormat.zero(contents.keys());
        }
    }

    /**
     * Adds a new random master key to a key file and makes it current; the earlier keys stay, to unwrap
     * data keys until {@link FieldCrypto#rewrapAll} has rewrapped them all. The file is rewritten
     * atomically (version 2, the next generation) with a fresh salt and the Argon2id costs it had; on
     * any failure it is left as it was.
     *
     * @param file the key file
     * @param passphrase its passphrase, at least {@value #MIN_PASSPHRASE_CHARACTERS} characters; not modified
     * @param newKekId the new key's id, not used in the file yet
     * @throws KeyFileException if the passphrase is wrong or the file damaged, or it cannot be read or written
     * @throws IllegalArgumentException if the id is already in the file, or the passphrase
     *     is too short (give the file a longer one with {@link #changePassphrase} first)
     * @throws NullPointerException if an argument is null
     */
    public static void rotate(Path file, char[] passphrase, KekId newKekId) {
        Objects.requireNonNull(newKekId, "newKekId");
        checkNewPassphrase(passphrase);
        KeyFileFormat.Contents contents = KeyFileFormat.read(file, passphrase);
        try {
            // the file holds the ids' values
            if (contents.keys().containsKey(newKekId.value())) {
                throw new IllegalArgumentException("KEK id " + newKekId + " is already in the key file");
            }
            contents.keys().put(newKekId.value(), KeyFileFormat.randomKey());
            KeyFileFormat.write(file, passphrase, contents.withCurrent(newKekId.value()), true);
        } finally {
            KeyFileFormat.zero(contents.keys());
        }
    }

    /**
     * Removes the retired master keys (every key but the current one) from a key file, once
     * {@link FieldCrypto#rewrapAll} has moved every data key under the current one. Refused while any
     * data key in {@code crypto}'s storage is still wrapped under another master key than the file's
     * current one: dropping its master key would shred it. The file is rewritten atomically (the next
     * generation, which {@code crypto}'s storage records at once, so that the file before the drop is
     * refused from then on) with a fresh salt and the Argon2id costs it had; when refused, or when there
     * is nothing to drop, it is not touched. Providers opened from the file before keep the dropped keys
     * in memory until they are opened again.
     *
     * <pre>{@code
     * KeyFile.rotate(path, passphrase, KekId.of("kek-2027"));
     * crypto.rewrapAll(1_000, progress -> { });
     * KeyFile.dropRetired(path, passphrase, crypto);   // [kek-2026]: List.of(KekId.of("kek-2026"))
     * }</pre>
     *
     * @param file the key file
     * @param passphrase its passphrase, at least {@value #MIN_PASSPHRASE_CHARACTERS} characters; not modified
     * @param crypto the field crypto over the storage holding the data keys the file's keys wrap
     * @return the ids dropped, in file order; empty if the file held the current key only
     * @throws IllegalStateException if a data key is still wrapped under a master key other than the
     *     file's current one (run {@link FieldCrypto#rewrapAll} with a provider from this file first)
     * @throws KeyFileException if the passphrase is wrong or the file damaged, or it cannot be read or written
     * @throws IllegalArgumentException if the passphrase is too short
     * @throws NullPointerException if an argument is null
     */
    public static List<KekId> dropRetired(Path file, char[] passphrase, FieldCrypto crypto) {
        Objects.requireNonNull(crypto, "crypto");
        checkNewPassphrase(passphrase);
        KeyFileFormat.Contents contents = KeyFileFormat.read(file, passphrase);
        try {
            List<KekId> retired = contents.keys().keySet().stream()
                    .filter(id -> !id.equals(contents.current())).map(KekId::of).toList();
            if (retired.isEmpty()) {
                return retired;
            }
            if (crypto.anyKeyWrappedUnderOtherThan(KekId.of(contents.current()))) {
                throw new IllegalStateException("data keys are still wrapped under a master key other than "
                        + contents.current() + "; run FieldCrypto.rewrapAll first, nothing was dropped");
            }
            Map<String, byte[]> kept = new LinkedHashMap<>();
            kept.put(contents.current(), contents.keys().get(contents.current()));
            KeyFileFormat.Contents dropped = new KeyFileFormat.Contents(contents.params(), contents.state(),
                    contents.current(), kept);
            State written = KeyFileFormat.write(file, passphrase, dropped, true);
            crypto.keyFileWritten(written);
            return retired;
        } finally {
            KeyFileFormat.zero(contents.keys());
        }
    }

    /**
     * Rewrites a version-1 key file as version 2 (whole-file authentication, a random id, generation 1),
     * keeping its keys, current key and Argon2id costs. A version-2 file is left untouched.
     *
     * @param file the key file
     * @param passphrase its passphrase, at least {@value #MIN_PASSPHRASE_CHARACTERS} characters (a
     *     version-1 file with a shorter one: {@link #changePassphrase} upgrades it too); not modified
     * @return whether the file was upgraded
     * @throws KeyFileException if the passphrase is wrong or the file damaged, or it cannot be read or written
     * @throws IllegalArgumentException if the passphrase is too short
     * @throws NullPointerException if an argument is null
     */
    public static boolean upgrade(Path file, char[] passphrase) {
        checkNewPassphrase(passphrase);
        KeyFileFormat.Contents contents = KeyFileFormat.read(file, passphrase);
        try {
            if (contents.state().fileId().isPresent()) {
                return false;
            }
            KeyFileFormat.write(file, passphrase, contents, true);
            return true;
        } finally {
            KeyFileFormat.zero(contents.keys());
        }
    }

    /**
     * Seals a key file under a new passphrase (version 2, the next generation, a fresh salt, the same
     * keys and Argon2id costs). The old passphrase may be shorter than the minimum, so that a file
     * written before the rule can be given a longer one.
     *
     * @param file the key file
     * @param passphrase its passphrase now; not modified
     * @param newPassphrase at least {@value #MIN_PASSPHRASE_CHARACTERS} characters; not modified
     * @throws KeyFileException if the passphrase is wrong or the file damaged, or it cannot be read or written
     * @throws IllegalArgumentException if the new passphrase is too short
     * @throws NullPointerException if an argument is null
     */
    public static void changePassphrase(Path file, char[] passphrase, char[] newPassphrase) {
        checkNewPassphrase(newPassphrase);
        KeyFileFormat.Contents contents = KeyFileFormat.read(file, passphrase);
        try {
            KeyFileFormat.write(file, newPassphrase, contents, true);
        } finally {
            KeyFileFormat.zero(contents.keys());
        }
    }

    /** A passphrase that writes a file: long enough to be the only factor guarding the master keys. */
    private static void checkNewPassphrase(char[] passphrase) {
        KeyFileFormat.checkPassphrase(passphrase);
        if (Character.codePointCount(passphrase, 0, passphrase.length) < MIN_PASSPHRASE_CHARACTERS) {
            throw new IllegalArgumentException("passphrase must have at least " + MIN_PASSPHRASE_CHARACTERS
                    + " characters (MIN_PASSPHRASE_CHARACTERS)");
        }
    }
}
