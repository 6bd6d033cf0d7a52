package dev.consentkit.examples.springbooking;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The bookings (Spring Data). */
public interface Bookings extends JpaRepository<Booking, UUID> {
    /**
     * @param clientId a client
     * @return their bookings, earliest first
     */
    List<Booking> findByClientIdOrderBySlot(UUID clientId);

    /**
     * @param slot a slot
     * @return whether it is taken
     */
    boolean existsBySlot(LocalDateTime slot);

    /**
     * @param clientId a client
     * @return how many bookings were deleted
     */
    long deleteByClientId(UUID clientId);
}
