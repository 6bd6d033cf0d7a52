/**
 * The ports of field protection, implemented by {@code consent-crypto} (the
 * {@link dev.consentkit.core.spi.protection.FieldProtector}) and by storages (wrapped data keys, key
 * files, blind indexes: {@link dev.consentkit.core.spi.protection.KeyStore},
 * {@link dev.consentkit.core.spi.protection.BlindIndexStore}). A storage offers the stores through
 * {@code StorageTransaction.port(Class)}.
 */
package dev.consentkit.core.spi.protection;
