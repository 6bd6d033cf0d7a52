package dev.consentkit.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.crypto.internal.AesGcm;
import dev.consentkit.crypto.internal.Argon2id;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
 * <p>The file is small JSON, self-describing so that its costs can be raised later:
 *
 * <pre>{@code
 * {"format": "consentkit-key-file", "version": 1,
 *  "kdf": {"name": "argon2id", "version": 19, "memoryKiB": 65536, "iterations": 3, "parallelism": 1,
 *          "salt": "<base64>"},
 *  "current": "kek-2027",
 *  "keys": [{"id": "kek-2026", "nonce": "<base64>", "sealed": "<base64>"}, ...]}
 * }</pre>
 *
 * A 256-bit file key is derived from the passphrase with Argon2id (RFC 9106; 64 MiB, 3 passes, 1 lane,
 * a random 16-byte salt); each master key is sealed under it with AES-256-GCM, its associated data
 * binding the format version, the key's id and whether it is the current one — so no key can be
 * renamed, nor another key made current, without the file failing to open. Every write draws a fresh
 * salt and fresh nonces.
 *
 * <p>Writes are atomic (a temporary file in the same directory, flushed, then renamed over), and the
 * file is readable and writable by its owner only where the file system has POSIX permissions.
 * Passphrases are never stored, logged or put in a message; the derived key and the master keys read
 * are zeroed after use (the returned provider keeps its own copies). The caller owns the passphrase
 * array and may clear it after the call. Thread-safe; two processes rotating one file at the same time
 * are not guarded against (the last rename wins).
 */
public final class KeyFile {
    static final String FORMAT = "consentkit-key-file";
    static final int VERSION = 1;
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final int SALT_BYTES = 16;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private KeyFile() {
    }

    /**
     * Creates a key file holding one new random 256-bit master key.
     *
     * @param file where; must not exist (checked just before the atomic rename)
     * @param passphrase not empty; not modified
     * @param kekId the key's id, stored beside every data key it wraps ({@code [A-Za-z0-9._:/-]{1,64}})
     * @throws KeyFileException if the file exists or cannot be written
     * @throws IllegalArgumentException if the id is malformed or the passphrase empty
     * @throws NullPointerException if an argument is null
     */
    public static void create(Path file, char[] passphrase, String kekId) {
        create(file, passphrase, kekId, Argon2id.Params.DEFAULT);
    }

    /** {@link #create(Path, char[], String)} with other Argon2id costs; tests use cheap ones. */
    static void create(Path file, char[] passphrase, String kekId, Argon2id.Params params) {
        Objects.requireNonNull(file, "file");
        checkPassphrase(passphrase);
        LocalKeyEncryptionKeys.checkId(kekId);
        Objects.requireNonNull(params, "params");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileException("key file " + file + " exists; it is never overwritten",
                    new FileAlreadyExistsException(file.toString()));
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(kekId, randomKey());
        try {
            write(file, passphrase, params, kekId, keys, false);
        } finally {
            zero(keys);
        }
    }

    /**
     * Opens a key file.
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
            return LocalKeyEncryptionKeys.of(contents.current, contents.keys);
        } finally {
            zero(contents.keys);
        }
    }

    /**
     * Adds a new random master key to a key file and makes it current; the earlier keys stay, to unwrap
     * data keys until {@link FieldCrypto#rewrapAll} has rewrapped them all. The file is rewritten
     * atomically with a fresh salt and the Argon2id costs it had; on any failure it is left as it was.
     *
     * @param file the key file
     * @param passphrase its passphrase; not modified
     * @param newKekId the new key's id, not used in the file yet
     * @throws KeyFileException if the passphrase is wrong or the file damaged, or it cannot be read or written
     * @throws IllegalArgumentException if the id is malformed or already in the file
     * @throws NullPointerException if an argument is null
     */
    public static void rotate(Path file, char[] passphrase, String newKekId) {
        LocalKeyEncryptionKeys.checkId(newKekId);
        Contents contents = read(file, passphrase);
        try {
            if (contents.keys.containsKey(newKekId)) {
                throw new IllegalArgumentException("KEK id " + newKekId + " is already in the key file");
            }
            contents.keys.put(newKekId, randomKey());
            write(file, passphrase, contents.params, newKekId, contents.keys, true);
        } finally {
            zero(contents.keys);
        }
    }

    /**
     * Removes the retired master keys (every key but the current one) from a key file, once
     * {@link FieldCrypto#rewrapAll} has moved every data key under the current one. Refused while any
     * data key in {@code crypto}'s storage is still wrapped under another master key than the file's
     * current one: dropping its master key would shred it. The file is rewritten atomically with a
     * fresh salt and the Argon2id costs it had; when refused, or when there is nothing to drop, it is
     * not touched. Providers opened from the file before keep the dropped keys in memory until they
     * are opened again.
     *
     * <pre>{@code
     * KeyFile.rotate(path, passphrase, "kek-2027");
     * crypto.rewrapAll(1_000, progress -> { });
     * KeyFile.dropRetired(path, passphrase, crypto);   // ["kek-2026"]
     * }</pre>
     *
     * @param file the key file
     * @param passphrase its passphrase; not modified
     * @param crypto the field crypto over the storage holding the data keys the file's keys wrap
     * @return the ids dropped, in file order; empty if the file held the current key only
     * @throws IllegalStateException if a data key is still wrapped under a master key other than the
     *     file's current one (run {@link FieldCrypto#rewrapAll} with a provider from this file first)
     * @throws KeyFileException if the passphrase is wrong or the file damaged, or it cannot be read or written
     * @throws NullPointerException if an argument is null
     */
    public static java.util.List<String> dropRetired(Path file, char[] passphrase, FieldCrypto crypto) {
        Objects.requireNonNull(crypto, "crypto");
        Contents contents = read(file, passphrase);
        try {
            java.util.List<String> retired = contents.keys.keySet().stream()
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
            write(file, passphrase, contents.params, contents.current, kept, true);
            return retired;
        } finally {
            zero(contents.keys);
        }
    }

    private record Contents(Argon2id.Params params, String current, Map<String, byte[]> keys) {
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
            if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION
                    || !"argon2id".equals(kdf.path("name").asText()) || kdf.path("version").asInt() != 0x13) {
                throw new KeyFileException();
            }
            Argon2id.Params params = new Argon2id.Params(integer(kdf, "memoryKiB"), integer(kdf, "iterations"),
                    integer(kdf, "parallelism"));
            byte[] salt = bytes(kdf, "salt");
            String current = root.path("current").asText();
            JsonNode entries = root.path("keys");
            if (!entries.isArray() || entries.isEmpty() || salt.length < SALT_BYTES) {
                throw new KeyFileException();
            }
            fileKey = Argon2id.derive(passphrase, salt, params, AesGcm.KEY_BYTES);
            for (JsonNode entry : entries) {
                String id = entry.path("id").asText();
                byte[] key = AesGcm.open(fileKey, bytes(entry, "nonce"), aad(id, id.equals(current)), bytes(entry, "sealed"));
                if (key.length != AesGcm.KEY_BYTES || keys.put(id, key) != null) {
                    throw new KeyFileException();
                }
            }
            if (!keys.containsKey(current)) {
                throw new KeyFileException();
            }
            return new Contents(params, current, keys);
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

    private static void write(Path file, char[] passphrase, Argon2id.Params params, String current,
                              Map<String, byte[]> keys, boolean replace) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION);
        root.putObject("kdf").put("name", "argon2id").put("version", 0x13).put("memoryKiB", params.memoryKiB())
                .put("iterations", params.iterations()).put("parallelism", params.parallelism())
                .put("salt", B64.encodeToString(salt));
        root.put("current", current);
        ArrayNode entries = root.putArray("keys");
        byte[] fileKey = Argon2id.derive(passphrase, salt, params, AesGcm.KEY_BYTES);
        try {
            keys.forEach((id, key) -> {
                byte[] nonce = new byte[AesGcm.NONCE_BYTES];
                RANDOM.nextBytes(nonce);
                entries.addObject().put("id", id).put("nonce", B64.encodeToString(nonce))
                        .put("sealed", B64.encodeToString(AesGcm.seal(fileKey, nonce, aad(id, id.equals(current)), key)));
            });
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
        byte[] text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree Jackson built", e);
        }
        replaceAtomically(file, text, replace);
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

    private static byte[] aad(String kekId, boolean current) {
        byte[] tag = (FORMAT + "/" + VERSION).getBytes(StandardCharsets.US_ASCII);
        byte[] id = kekId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(tag.length + 4 + id.length + 1)
                .put(tag).putInt(id.length).put(id).put((byte) (current ? 1 : 0)).array();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isInt()) {
            throw new KeyFileException();
        }
        return value.intValue();
    }

    private static byte[] bytes(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new KeyFileException();
        }
        return Base64.getDecoder().decode(value.textValue());
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

    private static void zero(Map<String, byte[]> keys) {
        keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
    }
}
