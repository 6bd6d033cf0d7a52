package dev.consentkit.core.architecture;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Issue 14 item 7: finds public signatures of a module's exported packages that still carry a bare
 * {@code String} (or {@code String...}, {@code Optional<String>}, {@code Set<String>}...) for one of the
 * identifiers that have a type of their own: a data category ({@code CategoryId}), a key group
 * ({@code KeyGroup}), a blind-index name ({@code IndexName}), a KEK id ({@code KekId}), a retention event
 * ({@code EventName}) or a policy id ({@code PolicyId}).
 *
 * <p>A parameter of a public (or overridable protected) constructor or method is suspect when its
 * name (compiled with {@code -parameters}) matches {@link #NAMES} and its type is {@code String},
 * {@code String[]} or a generic type with a {@code String} argument. A record's components are its
 * canonical constructor's parameters, so a record component is checked too.
 */
public final class TypedSignatures {
    /** What a parameter or accessor name contains when it names one of the typed identifiers. */
    public static final Pattern NAMES = Pattern.compile("(?i).*(categor|group|index|kek|event|policy).*");

    private TypedSignatures() {
    }

    /**
     * @param anyClassOfModule a class whose code source (a directory or jar) is the module to scan
     * @return the exported packages of that module, read from its compiled {@code module-info}
     */
    public static Set<String> exportedPackages(Class<?> anyClassOfModule) {
        Path location;
        try {
            location = Path.of(anyClassOfModule.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        ModuleDescriptor descriptor = ModuleFinder.of(location).findAll().stream().findFirst()
                .map(ModuleReference::descriptor)
                .orElseThrow(() -> new IllegalStateException("no module-info at " + location));
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * @param packages packages to scan (each alone, not its sub-packages)
     * @return the public types of those packages (nested public types of public types included)
     */
    public static List<Class<?>> publicTypes(Set<String> packages) {
        List<Class<?>> types = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages)) {
            if (!packages.contains(c.getPackageName())) {
                continue;
            }
            Class<?> type = c.reflect();
            if (isVisible(type)) {
                types.add(type);
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return types;
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param types the types to scan
     * @return one line per suspect signature, {@code Type#member(param)}, sorted
     * @throws IllegalStateException if a parameter name was not compiled in (then nothing could be found)
     */
    public static List<String> violations(List<Class<?>> types) {
        Set<String> found = new TreeSet<>();
        for (Class<?> type : types) {
            Stream<Executable> members = Stream.concat(Arrays.stream(type.getDeclaredConstructors()),
                    Arrays.stream(type.getDeclaredMethods()));
            members.filter(m -> isApi(type, m.getModifiers()) && !m.isSynthetic()).forEach(m -> {
                for (Parameter p : m.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException("compile with -parameters: " + type.getName() + "#" + m.getName());
                    }
                    if (NAMES.matcher(p.getName()).matches() && carriesString(p.getParameterizedType())) {
                        found.add(type.getName() + "#" + memberName(m) + "(" + p.getName() + ")");
                    }
                }
            });
        }
        return List.copyOf(found);
    }

    private static boolean isApi(Class<?> type, int modifiers) {
        return Modifier.isPublic(modifiers)
                || Modifier.isProtected(modifiers) && !Modifier.isFinal(type.getModifiers());
    }

    private static String memberName(Executable m) {
        return m instanceof Method ? m.getName() : "<init>";
    }

    private static boolean carriesString(Type type) {
        if (type == String.class || type == String[].class) {
            return true;
        }
        return type instanceof ParameterizedType p
                && Arrays.stream(p.getActualTypeArguments()).anyMatch(TypedSignatures::carriesString);
    }
}
