package dev.consentkit.core.access;

/** What a principal wants to do with a protected field. */
public enum AccessAction {
    /** Decrypt and read a value. */
    READ,
    /** Encrypt and store a value. */
    WRITE,
    /** Look a subject up by a blind index. */
    SEARCH,
    /** Crypto-shred a subject's keys. */
    ERASE
}
