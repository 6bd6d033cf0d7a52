package dev.consentkit.core.access;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Someone of the host's staff (or a service) who asks to read, write or search personal data: an id,
 * the roles the host gave them, and whether they passed multi-factor authentication in this session.
 *
 * @param id the host's staff or service id (not a personal value of a client)
 * @param roles the roles, at least one
 * @param mfaVerified whether a second factor was verified for this session
 */
public record Principal(String id, Set<String> roles, boolean mfaVerified) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /**
     * @throws IllegalArgumentException if the id or a role is malformed, or there is no role
     */
    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roles, "roles");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("principal id must match " + ID.pattern());
        }
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("principal " + id + " has no role");
        }
        for (String r : roles) {
            checkRole(r);
        }
    }

    /**
     * @param id the staff id
     * @param roles the roles
     * @return a principal without a verified second factor
     */
    public static Principal of(String id, String... roles) {
        return new Principal(id, Set.of(roles), false);
    }

    /** @return the same principal with its second factor verified */
    public Principal withMfa() {
        return new Principal(id, roles, true);
    }

    static String checkRole(String role) {
        Objects.requireNonNull(role, "role");
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("role must match " + ROLE.pattern());
        }
        return role;
    }
}
