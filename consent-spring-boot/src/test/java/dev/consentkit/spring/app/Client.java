package dev.consentkit.spring.app;

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
import java.util.UUID;

/** A client of the booking application, with a sealed phone number and a sealed note. */
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
    @Column(length = 115) // SealedColumns.forCharacters(20) would be 168; an E.164 number is ASCII: forBytes(20, XCHACHA) = 115
    @NotNull
    @Size(max = 20)
    @Pattern(regexp = "\\+[1-9][0-9]{5,14}")
    private SealedText phone;

    @Sealed(table = "client", column = "note", purpose = "booking")
    @Convert(converter = SealedTextConverter.class)
    @Column(length = 248) // SealedColumns.forCharacters(40): any 40 characters, either suite
    @Size(max = 40)
    private SealedText note;

    protected Client() {
    }

    public Client(String name, String phone) {
        this.name = name;
        this.phone = SealedText.ofNullable(phone);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public SealedText getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = SealedText.ofNullable(phone);
    }

    public SealedText getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = SealedText.ofNullable(note);
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
