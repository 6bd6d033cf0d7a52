package dev.consentkit.spring.jpa;

import dev.consentkit.core.PurposeId;
import dev.consentkit.core.access.Principal;
import dev.consentkit.core.purpose.ProcessingCatalog;
import dev.consentkit.crypto.FieldCrypto;
import dev.consentkit.crypto.FieldRef;
import dev.consentkit.spring.PrincipalResolver;
import jakarta.persistence.EntityListeners;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sealed entity fields: {@link #open} reads one for a purpose as a principal — checked against the
 * access policy and the subject's consent, and audited, like every {@link FieldCrypto#open} — and
 * {@link SealingListener} seals new values on save. Nothing is opened when an entity is loaded.
 *
 * <pre>{@code
 * Client client = clients.findById(id).orElseThrow();
 * String phone = sealedFields.open(client.getPhone(), REMINDERS).orElse("");
 * }</pre>
 *
 * <p>Writes and opens act as {@link PrincipalResolver#current()} unless a call names a principal.
 * Thread-safe.
 */
public final class SealedFields {
    private final FieldCrypto crypto;
    private final ProcessingCatalog catalog;
    private final Optional<PrincipalResolver> principals;
    private final Map<Class<?>, List<Attribute>> attributes = new ConcurrentHashMap<>();

    /** One {@link Sealed} field of an entity class. */
    private record Attribute(Field field, String table, String column, PurposeId purpose) {
        FieldRef cell(SealedEntity entity) {
            return new FieldRef(table, column, entity.rowKey(), entity.subject());
        }
    }

    /**
     * @param crypto the field crypto that declares the entities' protected fields
     * @param catalog the processing catalogue the purposes of {@link Sealed} fields come from
     * @param principals who acts, for seals and opens that name no principal; empty if every call names one
     *     (entities are then saved with sealed values only through {@link #sealPending(Object, Principal)})
     */
    public SealedFields(FieldCrypto crypto, ProcessingCatalog catalog, Optional<PrincipalResolver> principals) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.principals = Objects.requireNonNull(principals, "principals");
    }

    /**
     * Opens a sealed value as the current principal.
     *
     * @param value the value of a {@link Sealed} field of a loaded or saved entity; null for none
     * @param purpose why it is read
     * @return the plaintext (or the field's replacement if the subject's keys were shredded); empty for a null value
     * @throws IllegalStateException if the value was never saved or loaded through an entity with
     *     {@link SealingListener} (it knows no cell), or no principal acts
     * @throws dev.consentkit.crypto.AccessDeniedException if the policy refuses the principal
     * @throws dev.consentkit.crypto.PurposeNotPermittedException if the subject's consent or basis does not permit the purpose
     * @throws dev.consentkit.crypto.spec.DecryptionException if the value was altered or moved
     */
    public Optional<String> open(SealedText value, PurposeId purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return value == null ? Optional.empty() : open(value, purpose, principal());
    }

    /**
     * Opens a sealed value as {@code principal}.
     *
     * @param value the value of a {@link Sealed} field of a loaded or saved entity; null for none
     * @param purpose why it is read
     * @param principal who reads
     * @return the plaintext (or the field's replacement if the subject's keys were shredded); empty for a null value
     * @throws IllegalStateException if the value knows no cell (see {@link #open(SealedText, PurposeId)})
     * @throws dev.consentkit.crypto.AccessDeniedException if the policy refuses the principal
     * @throws dev.consentkit.crypto.PurposeNotPermittedException if the purpose is not permitted for the subject
     * @throws dev.consentkit.crypto.spec.DecryptionException if the value was altered or moved
     */
    public Optional<String> open(SealedText value, PurposeId purpose, Principal principal) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(principal, "principal");
        if (value == null) {
            return Optional.empty();
        }
        FieldRef cell = value.cell().orElseThrow(() -> new IllegalStateException("this sealed value was not saved or"
                + " loaded through an entity with @EntityListeners(SealingListener.class): it does not know its cell"));
        return Optional.of(crypto.open(principal, purpose, cell, value.ciphertext()));
    }

    /**
     * Seals the values set on {@code entity} since it was loaded, as the current principal (what
     * {@link SealingListener} does before insert and update).
     *
     * @param entity an entity
     * @throws IllegalStateException if the entity has sealed fields but is not a {@link SealedEntity},
     *     or no principal acts
     */
    public void sealPending(Object entity) {
        sealPending(entity, null);
    }

    /**
     * Seals the values set on {@code entity} since it was loaded, as {@code principal}.
     *
     * @param entity an entity
     * @param principal who writes; null for the current principal
     * @throws IllegalStateException if the entity has sealed fields but is not a {@link SealedEntity}
     * @throws dev.consentkit.crypto.AccessDeniedException if the policy refuses the principal WRITE
     */
    public void sealPending(Object entity, Principal principal) {
        Objects.requireNonNull(entity, "entity");
        List<Attribute> sealed = attributes(entity.getClass());
        if (sealed.isEmpty()) {
            return;
        }
        SealedEntity owner = (SealedEntity) entity;
        Principal writer = principal;
        for (Attribute a : sealed) {
            SealedText value = (SealedText) get(a, entity);
            if (value == null || value.pending().isEmpty()) {
                continue;
            }
            if (writer == null) {
                writer = principal();
            }
            FieldRef cell = a.cell(owner);
            set(a, entity, value.sealedAs(crypto.seal(writer, a.purpose(), cell, value.pending().get()), cell));
        }
    }

    /**
     * Lets the stored values of a loaded entity know their cells, so that {@link #open} needs only the
     * value (what {@link SealingListener} does after load). Opens nothing.
     *
     * @param entity a loaded entity
     */
    public void attach(Object entity) {
        Objects.requireNonNull(entity, "entity");
        List<Attribute> sealed = attributes(entity.getClass());
        for (Attribute a : sealed) {
            SealedText value = (SealedText) get(a, entity);
            if (value != null && value.isSealed() && value.cell().isEmpty()) {
                set(a, entity, value.in(a.cell((SealedEntity) entity)));
            }
        }
    }

    /**
     * Checks an entity class's sealed fields against the declarations, as start-up does for every
     * entity: the entity is a {@link SealedEntity} with {@link SealingListener}; each {@link Sealed}
     * field is a {@link SealedText}, names a protected field declared to the field crypto and a purpose
     * of the catalogue.
     *
     * @param entityClass an entity class
     * @return how many sealed fields it has
     * @throws IllegalStateException naming the entity and field, if one is not so
     */
    public int check(Class<?> entityClass) {
        return attributes(entityClass).size();
    }

    private List<Attribute> attributes(Class<?> type) {
        return attributes.computeIfAbsent(type, this::inspect);
    }

    private List<Attribute> inspect(Class<?> type) {
        List<Attribute> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Sealed sealed = f.getAnnotation(Sealed.class);
                if (sealed != null) {
                    found.add(attribute(type, f, sealed));
                }
            }
        }
        if (!found.isEmpty()) {
            String entity = type.getSimpleName();
            if (!SealedEntity.class.isAssignableFrom(type)) {
                throw new IllegalStateException("entity " + entity + " has @Sealed fields but does not implement"
                        + " SealedEntity (its row key and subject are bound into every sealed value)");
            }
            if (!hasListener(type)) {
                throw new IllegalStateException("entity " + entity + " has @Sealed fields but no"
                        + " @EntityListeners(SealingListener.class): its values would not be sealed on save");
            }
        }
        return List.copyOf(found);
    }

    private Attribute attribute(Class<?> type, Field f, Sealed sealed) {
        String where = type.getSimpleName() + "." + f.getName();
        if (f.getType() != SealedText.class || Modifier.isStatic(f.getModifiers())) {
            throw new IllegalStateException("@Sealed field " + where + " must be an instance field of type SealedText");
        }
        if (!crypto.fields().containsKey(sealed.table() + "." + sealed.column())) {
            throw new IllegalStateException("@Sealed field " + where + " names " + sealed.table() + "." + sealed.column()
                    + ", which is not a declared protected field (declare a ProtectedField bean for it)");
        }
        PurposeId purpose;
        try {
            purpose = PurposeId.of(sealed.purpose());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@Sealed field " + where + " names a malformed purpose id: " + e.getMessage());
        }
        if (catalog.purpose(purpose).isEmpty()) {
            throw new IllegalStateException("@Sealed field " + where + " names purpose " + purpose
                    + ", which the processing catalogue does not declare");
        }
        f.setAccessible(true);
        return new Attribute(f, sealed.table(), sealed.column(), purpose);
    }

    private static boolean hasListener(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            EntityListeners listeners = c.getAnnotation(EntityListeners.class);
            if (listeners != null && Arrays.asList(listeners.value()).contains(SealingListener.class)) {
                return true;
            }
        }
        return false;
    }

    private Principal principal() {
        PrincipalResolver resolver = principals.orElseThrow(() -> new IllegalStateException(
                "no PrincipalResolver bean: declare one, or name the principal in the call"));
        return Objects.requireNonNull(resolver.current(), "the PrincipalResolver returned null");
    }

    private static Object get(Attribute a, Object entity) {
        try {
            return a.field().get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read @Sealed field " + a.field().getName(), e);
        }
    }

    private static void set(Attribute a, Object entity, SealedText value) {
        try {
            a.field().set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write @Sealed field " + a.field().getName(), e);
        }
    }

    @Override
    public String toString() {
        return "SealedFields[" + crypto + "]";
    }
}
