package dev.consentkit.spring;

import dev.consentkit.core.access.Principal;

/**
 * Who is acting now, as ConsentKit's access policy sees them: the application's bean maps its own
 * notion of the current user (a Spring Security {@code Authentication}, a session attribute, a service
 * account of a batch job) to a {@link Principal}. Sealed fields are written and opened as this
 * principal unless a call names one. Spring Security is not required.
 *
 * <pre>{@code
 * @Bean
 * PrincipalResolver principals() {
 *     return () -> {
 *         Authentication a = SecurityContextHolder.getContext().getAuthentication();
 *         return Principal.of(a.getName(), a.getAuthorities().stream()
 *                 .map(g -> g.getAuthority().replace("ROLE_", "")).toArray(String[]::new));
 *     };
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface PrincipalResolver {
    /**
     * @return the current principal, never null
     * @throws IllegalStateException if no one is acting (no authenticated user): nothing is written or
     *     opened then
     */
    Principal current();
}
