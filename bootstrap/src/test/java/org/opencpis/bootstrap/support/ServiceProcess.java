package org.opencpis.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenCPIS run as a separate JVM, as {@code main} runs it in production: the test's class path,
 * {@code org.opencpis.bootstrap.OpenCpisApplication}, an external database, a fixed HTTP port and
 * the test token secret in its environment. It can be stopped gracefully or killed with SIGKILL
 * ({@link #kill()}), which gives the service no chance to finish anything. Its output goes to a
 * log file beside its data, which {@link #log()} reads back for diagnostics.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration START_PATIENCE = Duration.ofMinutes(2);

    private final Process process;
    private final int port;
    private final Path logFile;

    private ServiceProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts the service and waits until {@code /health} answers 200.
     *
     * @param workDirectory where its data directory and log go
     * @param name          distinguishes the log of this start from others in the same directory
     * @param environment   CONTRACT §2 variables (the database's, at least)
     * @param properties    further Micronaut properties, passed as {@code -D} system properties
     */
    public static ServiceProcess start(Path workDirectory, String name, int port, Map<String, String> environment,
                                       Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath());
        command.add("org.opencpis.bootstrap.OpenCpisApplication");
        Path logFile = workDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).directory(workDirectory.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("OPENCPIS_") || key.startsWith("DATASOURCES_")
                || key.startsWith("MICRONAUT_"));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("OPENCPIS_JWT_SECRET", Tokens.SECRET);
        env.put("OPENCPIS_DATA_DIR", workDirectory.resolve("data").toString());
        env.put("OPENCPIS_PDS_UNKNOWN", "match");
        env.putAll(environment);
        try {
            Process process = builder.start();
            // should the test JVM itself be stopped, the service must not outlive it
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "service-process-stop"));
            ServiceProcess service = new ServiceProcess(process, port, logFile);
            service.awaitHealthy();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the service process", e);
        }
    }

    /** The class path of this test JVM; under surefire's manifest-only jar, the jar (its manifest names the rest). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public Api api() {
        return new Api(uri());
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the process ends at once, with no shutdown hook, no commit, no clean-up. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the graceful shutdown. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        Api api = api();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service process exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                if (api.get("/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // connection refused until the server is up
            }
            Await.pause(Duration.ofMillis(200));
        }
        kill();
        throw new AssertionError("the service process was not healthy within " + START_PATIENCE + ":\n" + tail());
    }

    /** The last lines of the log, for a failure message. */
    public String tail() {
        String log = log();
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
