package dev.consentkit.spring;

import dev.consentkit.AuditTrail;
import static dev.consentkit.spring.app.BookingCatalog.BOOKING;
import static dev.consentkit.spring.app.BookingCatalog.INTERN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.access.Principal;
import dev.consentkit.crypto.AccessDeniedException;
import dev.consentkit.crypto.spec.DecryptionException;
import dev.consentkit.spring.app.Apps;
import dev.consentkit.spring.app.BookingApplication;
import dev.consentkit.spring.app.Client;
import dev.consentkit.spring.app.ClientRepository;
import dev.consentkit.spring.jpa.SealedFields;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * JPA entities with sealed fields (issue 15, item 4): sealed on their one insert or update, validated
 * as plaintext, opened only explicitly, for a purpose, as a principal, and audited (M11, M21). Run on
 * H2 and PostgreSQL.
 */
abstract class SealedEntityScenarios {
    private ConfigurableApplicationContext app;
    private ClientRepository clients;
    private SealedFields sealed;
    private JdbcTemplate jdbc;
    private Statistics statistics;
    private ConsentKit kit;

    /** @return the spring.datasource.* properties of a fresh database */
    protected abstract Map<String, Object> freshDatabase();

    @BeforeEach
    void start() {
        app = Apps.start(freshDatabase(), Map.of("spring.jpa.properties.hibernate.generate_statistics", "true"),
                BookingApplication.class);
        clients = app.getBean(ClientRepository.class);
        sealed = app.getBean(SealedFields.class);
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        statistics = app.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class).getStatistics();
        kit = app.getBean(ConsentKit.class);
    }

    @AfterEach
    void stop() {
        BookingApplication.ACTING.remove();
        app.close();
    }

    @Test
    void aClientIsSealedOnItsOneInsertAndTheColumnHoldsNoPlaintext() {
        statistics.clear();
        Client client = clients.save(new Client("Anna", "+4915112345678"));

        assertThat(statistics.getEntityInsertCount()).isEqualTo(1);
        assertThat(statistics.getEntityUpdateCount()).as("no second save").isZero();
        String stored = jdbc.queryForObject("SELECT phone FROM client WHERE id = ?", String.class, client.getId());
        assertThat(stored).startsWith("ck1.").doesNotContain("4915112345678");
        assertThat(client.getPhone().ciphertext()).isEqualTo(stored);
    }

    @Test
    void loadingAClientOpensNothingAndEachOpenIsExplicitAndAudited() {
        UUID id = clients.save(new Client("Boris", "+4915112345679")).getId();
        long before = audited("field.opened");

        Client loaded = clients.findById(id).orElseThrow();
        assertThat(audited("field.opened")).as("loading opens nothing").isEqualTo(before);
        assertThat(loaded.getPhone().toString()).doesNotContain("4915112345679").doesNotContain("ck1.");

        assertThat(sealed.open(loaded.getPhone(), BOOKING)).contains("+4915112345679");
        assertThat(audited("field.opened")).isEqualTo(before + 1);
        assertThat(sealed.open(loaded.getNote(), BOOKING)).as("no note, nothing opened").isEmpty();
    }

    @Test
    void beanValidationChecksThePlaintextAndNothingIsStoredWhenItFails() {
        assertThatThrownBy(() -> clients.save(new Client("Carla", "0151 1234")))
                .hasRootCauseInstanceOf(ConstraintViolationException.class)
                .rootCause().hasMessageContaining("phone").hasMessageNotContaining("0151 1234");
        Client tooLong = new Client("Carla", "+4915112345678");
        tooLong.setNote("x".repeat(41));
        assertThatThrownBy(() -> clients.save(tooLong)).hasRootCauseInstanceOf(ConstraintViolationException.class);

        assertThat(count("client")).isZero();
        assertThat(count("ck_data_key")).isZero();
    }

    @Test
    void aLoadedClientIsUpdatedOnceWithoutOpeningOrRevalidatingItsSealedFields() {
        Client saved = clients.save(new Client("Dmitri", "+4915112345670"));
        String ciphertext = saved.getPhone().ciphertext();
        Client loaded = clients.findById(saved.getId()).orElseThrow();
        long opens = audited("field.opened");
        statistics.clear();

        loaded.setName("Dmitri K.");
        clients.save(loaded);

        assertThat(statistics.getEntityUpdateCount()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT phone FROM client WHERE id = ?", String.class, saved.getId())).isEqualTo(ciphertext);
        assertThat(audited("field.opened")).isEqualTo(opens);
    }

    @Test
    void aNewValueOnALoadedClientIsSealedOnItsOneUpdate() {
        Client saved = clients.save(new Client("Emil", "+4915112345671"));
        Client loaded = clients.findById(saved.getId()).orElseThrow();
        statistics.clear();

        loaded.setPhone("+4915199999999");
        Client updated = clients.save(loaded);

        assertThat(statistics.getEntityUpdateCount()).isEqualTo(1);
        assertThat(updated.getPhone().ciphertext()).isNotEqualTo(saved.getPhone().ciphertext());
        Client reloaded = clients.findById(saved.getId()).orElseThrow();
        assertThat(sealed.open(reloaded.getPhone(), BOOKING)).contains("+4915199999999");
    }

    @Test
    void fortyCharactersOfAnyTextFitTheColumnSizedForThem() {
        String widest = "\u20ac".repeat(40); // three UTF-8 bytes each
        String astral = "\uD83D\uDE00".repeat(20); // 40 characters, four bytes per pair
        Client euro = new Client("Fatima", "+4915112345672");
        euro.setNote(widest);
        Client smiles = new Client("Gleb", "+4915112345673");
        smiles.setNote(astral);

        clients.save(euro);
        clients.save(smiles);

        assertThat(sealed.open(clients.findById(euro.getId()).orElseThrow().getNote(), BOOKING)).contains(widest);
        assertThat(sealed.open(clients.findById(smiles.getId()).orElseThrow().getNote(), BOOKING)).contains(astral);
    }

    @Test
    void aValueCopiedToAnotherClientDoesNotOpen() {
        Client anna = clients.save(new Client("Anna", "+4915112345674"));
        Client boris = clients.save(new Client("Boris", "+4915112345675"));
        jdbc.update("UPDATE client SET phone = ? WHERE id = ?", anna.getPhone().ciphertext(), boris.getId());

        Client moved = clients.findById(boris.getId()).orElseThrow();

        assertThatThrownBy(() -> sealed.open(moved.getPhone(), BOOKING)).isInstanceOf(DecryptionException.class);
    }

    @Test
    void aPrincipalWithoutTheGrantCanNeitherOpenNorWriteAndTheRefusalsAreAudited() {
        Client anna = clients.save(new Client("Anna", "+4915112345676"));
        Client loaded = clients.findById(anna.getId()).orElseThrow();

        assertThatThrownBy(() -> sealed.open(loaded.getPhone(), BOOKING, INTERN)).isInstanceOf(AccessDeniedException.class);
        BookingApplication.ACTING.set(Principal.of("mallory", "guest"));
        assertThatThrownBy(() -> clients.save(new Client("Mallory", "+4915112345677")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(count("client")).isEqualTo(1);
        assertThat(audited("field.open_refused")).isEqualTo(1);
        assertThat(audited("field.write_refused")).isEqualTo(1);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private long audited(String action) {
        return AuditTrail.of(kit).records(1, 10_000).stream().filter(r -> r.event().action().code().equals(action)).count();
    }
}
