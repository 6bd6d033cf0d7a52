package dev.consentkit.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.spi.KeyFileId;
import dev.consentkit.crypto.internal.AesGcm;
import dev.consentkit.crypto.internal.Argon2id;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
 * KeyFile.create(path, passphrase, "kek-2026");               // once
 * FieldCrypto.builder(kit).keyEncryptionKeys(KeyFile.open(path, passphrase)) ...
 * KeyFile.rotate(path, passphrase, "kek-2027");               // a new current key; then rewrapAll
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
    static final String FORMAT = "consentkit-key-file";
    static final int VERSION_1 = 1;
    static final int VERSION = 2;
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final int MAX_KEYS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int ID_BYTES = 16;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();

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
     * @param kekId the key's id, stored beside every data key it wraps ({@code [A-Za-z0-9._:/-]{1,64}})
     * @throws KeyFileException if the file exists or cannot be written
     * @throws IllegalArgumentException if the id is malformed or the passphrase shorter than
     *     {@value #MIN_PASSPHRASE_CHARACTERS} characters
     * @throws NullPointerException if an argument is null
     */
    public static void create(Path file, char[] passphrase, String kekId) {
        create(file, passphrase, kekId, Argon2id.Params.DEFAULT);
    }

    /** {@link #create(Path, char[], String)} with other Argon2id costs; tests use cheap ones. */
    static void create(Path file, char[] passphrase, String kekId, Argon2id.Params params) {
        Objects.requireNonNull(file, "file");
        checkNewPassphrase(passphrase);
        LocalKeyEncryptionKeys.checkId(kekId);
        Objects.requireNonNull(params, "params");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileException("key file " + file + " exists; it is never overwritten",
                    new FileAlreadyExistsException(file.toString()));
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(kekId, randomKey());
        try {
            write(file, passphrase, new Contents(params, new State(Optional.of(newId()), 0), kekId, keys), false);
        } finally {
            zero(keys);
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
        Contents contents = read(file, passphrase);
        try {
            return LocalKeyEncryptionKeys.of(contents.current, contents.keys, Optional.of(contents.state));
        } finally {
            zero(contents.keys);
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
     * @throws IllegalArgumentException if the id is malformed or already in the file, or the passphrase
     *     is too short (give the file a longer one with {@link #changePassphrase} first)
     * @throws NullPointerException if an argument is null
     */
    public static void rotate(Path file, char[] passphrase, String newKekId) {
        LocalKeyEncryptionKeys.checkId(newKekId);
        checkNewPassphrase(passphrase);
        Contents contents = read(file, passphrase);
        try {
            if (contents.keys.containsKey(newKekId)) {
                throw new IllegalArgumentException("KEK id " + newKekId + " is already in the key file");
            }
            contents.keys.put(newKekId, randomKey());
            write(file, passphrase, contents.withCurrent(newKekId), true);
        } finally {
            zero(contents.keys);
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
     * KeyFile.rotate(path, passphrase, "kek-2027");
     * crypto.rewrapAll(1_000, progress -> { });
     * KeyFile.dropRetired(path, passphrase, crypto);   // ["kek-2026"]
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
    public static List<String> dropRetired(Path file, char[] passphrase, FieldCrypto crypto) {
        Objects.requireNonNull(crypto, "crypto");
        checkNewPassphrase(passphrase);
        Contents contents = read(file, passphrase);
        try {
            List<String> retired = contents.keys.keySet().stream()
                    .filter(id -> !id.equals(contents.current)).toList();
            if (retired.isEmpty()) {
                return retired;
            }
            if (crypto.anyKeyWrappedUnderOtherThan(contents.current)) {
                throw new IllegalStateException("data keys are still wrapped under a master key other than "
                        + contents.current + "; run FieldCrypto.rewrapAll first, nothing was dropped");
            }
            Map<String, byte[]> kept = new LinkedHashMap<>();
            kept.put(contents.current, contents.keys.get(contents.current));
            State written = write(file, passphrase, new Contents(contents.params, contents.state, contents.current, kept), true);
            crypto.keyFileWritten(written);
            return retired;
        } finally {
            zero(contents.keys);
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
        Contents contents = read(file, passphrase);
        try {
            if (contents.state.fileId().isPresent()) {
                return false;
            }
            write(file, passphrase, contents, true);
            return true;
        } finally {
            zero(contents.keys);
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
        Contents contents = read(file, passphrase);
        try {
            write(file, newPassphrase, contents, true);
        } finally {
            zero(contents.keys);
        }
    }

    private record Contents(Argon2id.Params params, State state, String current, Map<String, byte[]> keys) {
        Contents withCurrent(String id) {
            return new Contents(params, state, id, keys);
        }
    }

    private static Contents read(Path file, char[] passphrase) {
        Objects.requireNonNull(file, "file");
        checkPassphrase(passphrase);
        byte[] raw;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyFileException();
            }
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("cannot read key file " + file, e);
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        byte[] fileKey = null;
        try {
            JsonNode root = JSON.readTree(raw);
            JsonNode kdf = root.path("kdf");
            int version = root.path("version").isInt() ? root.path("version").intValue() : -1;
            if (!FORMAT.equals(root.path("format").asText()) || (version != VERSION && version != VERSION_1)
                    || !"argon2id".equals(kdf.path("name").asText()) || kdf.path("version").asInt() != 0x13) {
                throw new KeyFileException();
            }
            Argon2id.Params params = new Argon2id.Params(integer(kdf, "memoryKiB"), integer(kdf, "iterations"),
                    integer(kdf, "parallelism"));
            byte[] salt = bytes(kdf, "salt");
            String current = text(root, "current");
            if (salt.length < SALT_BYTES) {
                throw new KeyFileException();
            }
            State state;
            fileKey = Argon2id.derive(passphrase, salt, params, AesGcm.KEY_BYTES);
            if (version == VERSION_1) {
                readVersion1(root, fileKey, current, keys);
                state = new State(Optional.empty(), 0);
            } else {
                state = new State(Optional.of(new KeyFileId(text(root, "id"))), root.path("generation").isIntegralNumber()
                        ? root.path("generation").longValue() : -1);
                if (state.generation() < 1) {
                    throw new KeyFileException();
                }
                List<String> ids = ids(root.path("keys"));
                byte[] sealed = AesGcm.open(fileKey, bytes(root, "nonce"), aad(state, params, salt, current, ids),
                        bytes(root, "sealed"));
                try {
                    if (sealed.length != ids.size() * AesGcm.KEY_BYTES) {
                        throw new KeyFileException();
                    }
                    for (int i = 0; i < ids.size(); i++) {
                        keys.put(ids.get(i), Arrays.copyOfRange(sealed, i * AesGcm.KEY_BYTES, (i + 1) * AesGcm.KEY_BYTES));
                    }
                } finally {
                    Arrays.fill(sealed, (byte) 0);
                }
            }
            if (!keys.containsKey(current)) {
                throw new KeyFileException();
            }
            return new Contents(params, state, current, keys);
        } catch (IOException | IllegalArgumentException | DecryptionException e) {
            zero(keys);
            throw new KeyFileException();
        } catch (KeyFileException e) {
            zero(keys);
            throw e;
        } finally {
            if (fileKey != null) {
                Arrays.fill(fileKey, (byte) 0);
            }
        }
    }

    /** Version 1: each key sealed on its own, its AAD binding its id and whether it is current. */
    private static void readVersion1(JsonNode root, byte[] fileKey, String current, Map<String, byte[]> keys) {
        JsonNode entries = root.path("keys");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new KeyFileException();
        }
        for (JsonNode entry : entries) {
            String id = entry.path("id").asText();
            byte[] key = AesGcm.open(fileKey, bytes(entry, "nonce"), aadVersion1(id, id.equals(current)), bytes(entry, "sealed"));
            if (key.length != AesGcm.KEY_BYTES || keys.put(id, key) != null) {
                throw new KeyFileException();
            }
        }
    }

    private static List<String> ids(JsonNode node) {
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_KEYS) {
            throw new KeyFileException();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual() || ids.contains(id.textValue())) {
                throw new KeyFileException();
            }
            ids.add(LocalKeyEncryptionKeys.checkId(id.textValue()));
        }
        return ids;
    }

    /** Writes the contents as version 2, one generation after the one read; returns what was written. */
    private static State write(Path file, char[] passphrase, Contents contents, boolean replace) {
        State state = contents.state.fileId().isPresent()
                ? new State(contents.state.fileId(), contents.state.generation() + 1)
                : new State(Optional.of(newId()), 1);
        Argon2id.Params params = contents.params;
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        List<String> ids = List.copyOf(contents.keys.keySet());
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION)
                .put("id", state.fileId().get().value()).put("generation", state.generation());
        root.putObject("kdf").put("name", "argon2id").put("version", 0x13).put("memoryKiB", params.memoryKiB())
                .put("iterations", params.iterations()).put("parallelism", params.parallelism())
                .put("salt", B64.encodeToString(salt));
        root.put("current", contents.current);
        ArrayNode list = root.putArray("keys");
        ids.forEach(list::add);
        byte[] plain = new byte[ids.size() * AesGcm.KEY_BYTES];
        byte[] fileKey = Argon2id.derive(passphrase, salt, params, AesGcm.KEY_BYTES);
        try {
            for (int i = 0; i < ids.size(); i++) {
                System.arraycopy(contents.keys.get(ids.get(i)), 0, plain, i * AesGcm.KEY_BYTES, AesGcm.KEY_BYTES);
            }
            byte[] sealed = AesGcm.seal(fileKey, nonce, aad(state, params, salt, contents.current, ids), plain);
            root.put("nonce", B64.encodeToString(nonce)).put("sealed", B64.encodeToString(sealed));
        } finally {
            Arrays.fill(fileKey, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
        byte[] text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree Jackson built", e);
        }
        replaceAtomically(file, text, replace);
        return state;
    }

    private static void replaceAtomically(Path file, byte[] text, boolean replace) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Path dir = target.getParent();
            String prefix = "." + target.getFileName();
            temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, prefix, ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KeyFileException("cannot write key file " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the rename succeeded or the write already failed; a stray temporary file holds only sealed keys
                }
            }
        }
    }

    /** What the one AEAD of a version-2 file binds: everything in the file but the nonce and the sealed keys. */
    private static byte[] aad(State state, Argon2id.Params params, byte[] salt, String current, List<String> ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, (FORMAT + "/" + VERSION).getBytes(StandardCharsets.US_ASCII));
        part(out, state.fileId().get().value().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(8 + 4 * 4).putLong(state.generation()).putInt(0x13).putInt(params.memoryKiB())
                .putInt(params.iterations()).putInt(params.parallelism()).array());
        part(out, salt);
        part(out, current.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ByteBuffer.allocate(4).putInt(ids.size()).array());
        ids.forEach(id -> part(out, id.getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] aadVersion1(String kekId, boolean current) {
        byte[] tag = (FORMAT + "/" + VERSION_1).getBytes(StandardCharsets.US_ASCII);
        byte[] id = kekId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(tag.length + 4 + id.length + 1)
                .put(tag).putInt(id.length).put(id).put((byte) (current ? 1 : 0)).array();
    }

    private static KeyFileId newId() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return new KeyFileId(Base64.getUrlEncoder().withoutPadding().encodeToString(id));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new KeyFileException();
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isInt()) {
            throw new KeyFileException();
        }
        return value.intValue();
    }

    private static byte[] bytes(JsonNode node, String field) {
        return Base64.getDecoder().decode(text(node, field));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    private static void checkPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
    }

    /** A passphrase that writes a file: long enough to be the only factor guarding the master keys. */
    private static void checkNewPassphrase(char[] passphrase) {
        checkPassphrase(passphrase);
        if (Character.codePointCount(passphrase, 0, passphrase.length) < MIN_PASSPHRASE_CHARACTERS) {
            throw new IllegalArgumentException("passphrase must have at least " + MIN_PASSPHRASE_CHARACTERS
                    + " characters (MIN_PASSPHRASE_CHARACTERS)");
        }
    }

    private static void zero(Map<String, byte[]> keys) {
        keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
    }
}
