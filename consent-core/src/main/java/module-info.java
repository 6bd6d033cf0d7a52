/**
 * ConsentKit core: the processing catalogue, the consent ledger and its decisions, the audit chain,
 * the storage SPI with in-memory stores, and JSON interchange.
 */
module dev.consentkit.core {
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports dev.consentkit;
    exports dev.consentkit.core;
    exports dev.consentkit.core.purpose;
    exports dev.consentkit.core.consent;
    exports dev.consentkit.core.audit;
    exports dev.consentkit.core.access;
    exports dev.consentkit.core.rights;
    exports dev.consentkit.core.register;
    exports dev.consentkit.core.retention;
    exports dev.consentkit.core.spi;
    exports dev.consentkit.core.spi.protection;
    exports dev.consentkit.core.jurisdiction;
    exports dev.consentkit.core.hold;
    exports dev.consentkit.core.memory;
    exports dev.consentkit.core.json;
    exports dev.consentkit.core.monitor;
    exports dev.consentkit.core.compliance;
    exports dev.consentkit.core.transparency;
    // not API: strict UTF-8 is shared with field encryption, so ids and sealed values encode one way
    exports dev.consentkit.core.internal to dev.consentkit.crypto;
    // not API: what features and ConsentKit's own modules reach of a kit (KitContext)
    exports dev.consentkit.core.context to dev.consentkit.crypto, dev.consentkit.jdbc;
}
