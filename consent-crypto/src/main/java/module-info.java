/**
 * ConsentKit field encryption: authenticated, key-committing ciphertexts for personal fields, bound
 * to their table, column, row and subject.
 *
 * <p>Bouncy Castle is used through its lightweight API from {@code dev.consentkit.crypto.internal}
 * only, and is never registered as a JCA provider. Jackson reads and writes passphrase-sealed key files.
 */
module dev.consentkit.crypto {
    requires transitive dev.consentkit.core;
    requires org.bouncycastle.provider;
    requires com.fasterxml.jackson.databind;

    exports dev.consentkit.crypto;
    exports dev.consentkit.crypto.spec;
}
