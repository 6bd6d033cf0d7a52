package dev.consentkit.crypto;

import dev.consentkit.crypto.spec.DecryptionException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentkit.core.spi.protection.KeyFileId;
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
 * The on-disk format of a {@link KeyFile}: reads versions 1 and 2, writes version 2 (one AEAD over the
 * whole file), atomically. Wrong passphrase and damage are one {@link KeyFileException}. Stateless and
 * thread-safe.
 */
final class KeyFileFormat {
    static final String FORMAT = "consentkit-key-file";
    static final int VERSION_1 = 1;
    static final int VERSION = 2;
    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_KEYS = 1_000;
    static final int SALT_BYTES = 16;
    static final int ID_BYTES = 16;
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    static final SecureRandom RANDOM = new SecureRandom();
    static final Base64.Encoder B64 = Base64.getEncoder();
    private KeyFileFormat() {
    }

    record Contents(Argon2id.Params params, KeyFile.State state, String current, Map<String, byte[]> keys) {
        Contents withCurrent(String id) {
            return new Contents(params, state, id, keys);
        }
    }

    static Contents read(Path file, char[] passphrase) {
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
            KeyFile.State state;
            fileKey = Argon2id.derive(passphrase, salt, params, AesGcm.KEY_BYTES);
            if (version == VERSION_1) {
                readVersion1(root, fileKey, current, keys);
                state = new KeyFile.State(Optional.empty(), 0);
            } else {
                long generation = root.path("generation").isIntegralNumber() ? root.path("generation").longValue() : -1;
                state = new KeyFile.State(Optional.of(new KeyFileId(text(root, "id"))), generation);
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
            byte[] key = AesGcm.open(fileKey, bytes(entry, "nonce"), aadVersion1(id, id.equals(current)),
                    bytes(entry, "sealed"));
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
    static KeyFile.State write(Path file, char[] passphrase, Contents contents, boolean replace) {
        KeyFile.State state = contents.state.fileId().isPresent()
                ? new KeyFile.State(contents.state.fileId(), contents.state.generation() + 1)
                : new KeyFile.State(Optional.of(newId()), 1);
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
    private static byte[] aad(KeyFile.State state, Argon2id.Params params, byte[] salt, String current, List<String> ids) {
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

    static KeyFileId newId() {
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

    static byte[] randomKey() {
        byte[] key = new byte[AesGcm.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    static void checkPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
    }

    /** Overwrites every key with zeros. */
    static void zero(Map<String, byte[]> keys) {
        keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
    }
}
