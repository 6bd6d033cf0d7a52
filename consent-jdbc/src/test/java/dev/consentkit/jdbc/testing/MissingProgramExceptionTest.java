package dev.consentkit.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class MissingProgramExceptionTest {
    private final MissingProgramException missing =
            new MissingProgramException(Engine.MARIADB, "mariadbd", "[/usr/sbin, /usr/bin]");

    @Test
    void outsideCiAMissingServerSkipsNamingTheProgramAndThePackage() {
        RuntimeException outcome = missing.outcome(false);

        assertThat(outcome).isInstanceOf(TestAbortedException.class);
        assertThat(outcome.getMessage())
                .startsWith("Skipped: MariaDB cannot be started")
                .contains("'mariadbd' not found in [/usr/sbin, /usr/bin]")
                .contains("apt-get install -y mariadb-server");
    }

    @Test
    void onCiAMissingServerFailsTheRunNamingTheProgramAndThePackage() {
        RuntimeException outcome = missing.outcome(true);

        assertThat(outcome).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasCause(missing);
        assertThat(outcome.getMessage())
                .startsWith("CI=true, so a missing database server fails the run")
                .contains("'mariadbd'")
                .contains("'mariadb-server'");
    }

    @Test
    void postgresMessageNamesItsPackage() {
        MissingProgramException initdb = new MissingProgramException(
                Engine.POSTGRESQL, "initdb", "/usr/lib/postgresql/*/bin");

        assertThat(initdb.outcome(false).getMessage())
                .contains("PostgreSQL cannot be started: program 'initdb' not found")
                .contains("apt-get install -y postgresql");
    }
}
