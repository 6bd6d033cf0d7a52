package dev.consentkit.core;

/**
 * Computes keyed hashes of personal values under the host's pseudonym key.
 *
 * <p>Each hash is separated by a domain ({@code "subject"}, {@code "ip"}, {@code "email"}), so equal
 * strings in different roles do not give equal hashes. Implementations are thread-safe.
 */
public interface KeyedHasher {
    /**
     * @param domain what kind of value it is, e.g. {@code "ip"}
     * @param value the personal value; never stored or logged
     * @return the keyed hash
     * @throws NullPointerException if an argument is null
     */
    KeyedHash hash(String domain, String value);
}
