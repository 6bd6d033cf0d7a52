package dev.consentkit.examples.springbooking;

import dev.consentkit.core.SubjectId;
import dev.consentkit.spring.jpa.Sealed;
import dev.consentkit.spring.jpa.SealedEntity;
import dev.consentkit.spring.jpa.SealedText;
import dev.consentkit.spring.jpa.SealedTextConverter;
import dev.consentkit.spring.jpa.SealingListener;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.UUID;

/**
 * A client of the spa. The phone number is stored sealed: {@link SealingListener} seals it in the same
 * INSERT, bound to this row and this client; loading a client never opens it (staff open it through
 * {@code SealedFields}, for a purpose, audited). The id is assigned here, before the first save, as the
 * sealed value needs it; it is also the client's private link to their own page, so it is random.
 *
 * <p>Not thread-safe (a JPA entity).
 */
@Entity
@Table(name = "client")
@EntityListeners(SealingListener.class)
public class Client implements SealedEntity {
    @Id
    private UUID id = UUID.randomUUID();

    @Version
    private Long version;

    @NotBlank
    @Size(max = 60)
    private String name;

    @Sealed(table = "client", column = "phone", purpose = "booking")
    @Convert(converter = SealedTextConverter.class)
    @Column(length = 115) // SealedColumns.forBytes(20, XCHACHA20_POLY1305): an E.164 number is ASCII
    @NotNull
    @Size(max = 20)
    @Pattern(regexp = "\\+[1-9][0-9]{5,14}", message = "must be an international number such as +4930123456")
    private SealedText phone;

    /** For JPA. */
    protected Client() {
    }

    /**
     * @param name the client's name
     * @param phone the phone number in E.164 form, sealed when the client is saved
     */
    public Client(String name, String phone) {
        this.name = Objects.requireNonNull(name, "name");
        this.phone = SealedText.of(Objects.requireNonNull(phone, "phone"));
    }

    /** @return the id, never null */
    public UUID getId() {
        return id;
    }

    /** @return the name, never null once saved */
    public String getName() {
        return name;
    }

    /** @return the sealed phone number; open it with {@code SealedFields.open} */
    public SealedText getPhone() {
        return phone;
    }

    @Override
    public String rowKey() {
        return id.toString();
    }

    @Override
    public SubjectId subject() {
        return SubjectId.of("client-" + id);
    }
}
