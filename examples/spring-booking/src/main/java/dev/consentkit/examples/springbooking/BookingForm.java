package dev.consentkit.examples.springbooking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the booking form posts: the client, the slot, the purposes whose boxes were ticked and the
 * notice version shown for each offered purpose.
 *
 * <p>Not thread-safe (a form object of one request).
 */
public class BookingForm {
    @NotBlank
    @Size(max = 60)
    private String name;

    @NotBlank
    @Pattern(regexp = "\\+[1-9][0-9]{5,14}", message = "must be an international number such as +4930123456")
    private String phone;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime slot;

    private List<String> consents = new ArrayList<>();
    private Map<String, String> versions = new HashMap<>();

    /** @return the name, or null before binding */
    public String getName() {
        return name;
    }

    /** @param name the client's name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return the phone number, or null before binding */
    public String getPhone() {
        return phone;
    }

    /** @param phone the phone number in E.164 form */
    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** @return the slot, or null before binding */
    public LocalDateTime getSlot() {
        return slot;
    }

    /** @param slot the appointment's start */
    public void setSlot(LocalDateTime slot) {
        this.slot = slot;
    }

    /** @return the ids of the purposes ticked, never null */
    public List<String> getConsents() {
        return consents;
    }

    /** @param consents the ids of the purposes ticked; null for none */
    public void setConsents(List<String> consents) {
        this.consents = consents == null ? new ArrayList<>() : new ArrayList<>(consents);
    }

    /** @return purpose id to the notice version shown, never null */
    public Map<String, String> getVersions() {
        return versions;
    }

    /** @param versions purpose id to the notice version shown; null for none */
    public void setVersions(Map<String, String> versions) {
        this.versions = versions == null ? new HashMap<>() : new HashMap<>(versions);
    }
}
