package dev.consentkit.spring.jpa;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link SealedText} field of an entity as a protected field: sealed on save for the cell
 * (table, column, the entity's {@link SealedEntity#rowKey()} and {@link SealedEntity#subject()}), as
 * the current principal, for {@link #purpose()}. Table and column name a {@code ProtectedField}
 * declared to ConsentKit (a {@code ProtectedField} bean); its category and key group come from there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Sealed {
    /** @return the table of the declared protected field */
    String table();

    /** @return the column of the declared protected field */
    String column();

    /** @return the purpose the value is collected for: the access policy must grant WRITE for it */
    String purpose();
}
