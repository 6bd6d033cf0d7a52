package dev.consentkit.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs a scenario in a class loader of its own, with a fresh SLF4J simple logger at TRACE writing to
 * a captured stream, so a test can scan every line the library logged (the "no personal data in
 * logs" tests). The scenario is a public class with a public no-argument constructor implementing
 * {@code Callable<List<?>>}; what it returns comes back as strings.
 *
 * @param log everything written to standard output and error while the scenario ran
 * @param said what the scenario returned, as strings
 */
public record TraceLogCapture(String log, List<String> said) {
    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * @param scenario the scenario class (loaded again in the isolated class loader)
     * @param classPath where the isolated class loader finds classes
     * @return the captured log and what the scenario said
     * @throws Exception if the scenario fails
     */
    public static TraceLogCapture run(Class<? extends Callable<?>> scenario, URL... classPath) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        String level = System.getProperty(LEVEL);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        List<String> said;
        try (URLClassLoader isolated = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(sink);
            System.setErr(sink);
            System.setProperty(LEVEL, "trace");
            Thread.currentThread().setContextClassLoader(isolated);
            Callable<?> instance = (Callable<?>) Class.forName(scenario.getName(), true, isolated)
                    .getConstructor().newInstance();
            said = ((List<?>) instance.call()).stream().map(String::valueOf).toList();
        } finally {
            Thread.currentThread().setContextClassLoader(context);
            if (level == null) {
                System.clearProperty(LEVEL);
            } else {
                System.setProperty(LEVEL, level);
            }
            System.setOut(out);
            System.setErr(err);
        }
        return new TraceLogCapture(captured.toString(StandardCharsets.UTF_8), said);
    }

    /**
     * @param types classes whose jars or class folders make up the class path
     * @return their locations
     */
    public static URL[] codeSources(Class<?>... types) {
        URL[] urls = new URL[types.length];
        for (int i = 0; i < types.length; i++) {
            urls[i] = types[i].getProtectionDomain().getCodeSource().getLocation();
        }
        return urls;
    }

    /**
     * @return the test JVM's whole class path
     * @throws MalformedURLException if an entry is not a path
     */
    public static URL[] wholeClassPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
