package io.jsocketio.servlet.testing;

import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A started embedded Tomcat 10.1 with one context, listening on 127.0.0.1 and an ephemeral port,
 * its base directory under the module's {@code target/}. {@link #close()} stops it and deletes the
 * base directory. Not thread-safe: start and close it from the test thread.
 */
public final class EmbeddedTomcat implements AutoCloseable {
    private final Tomcat tomcat;
    private final Path base;
    private final int port;

    private EmbeddedTomcat(Tomcat tomcat, Path base, int port) {
        this.tomcat = tomcat;
        this.base = base;
        this.port = port;
    }

    /**
     * Starts Tomcat with one context at {@code contextPath} ({@code "/"} for the root), running the
     * initializers in order while the context starts.
     */
    public static EmbeddedTomcat start(
            String contextPath, ServletContainerInitializer... initializers) throws Exception {
        Path base = newBaseDir();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context =
                tomcat.addContext(contextPath.equals("/") ? "" : contextPath, base.toString());
        for (ServletContainerInitializer initializer : initializers) {
            context.addServletContainerInitializer(initializer, null);
        }
        tomcat.start();
        return new EmbeddedTomcat(tomcat, base, connector.getLocalPort());
    }

    /**
     * Stops the context (as undeploying a WAR does) and leaves the connector running: requests in
     * flight stay open, and its listeners' {@code contextDestroyed} run.
     */
    public void stopContext() throws Exception {
        for (org.apache.catalina.Container context : tomcat.getHost().findChildren()) {
            context.stop();
        }
    }

    /** The port the connector bound. */
    public int port() {
        return port;
    }

    /**
     * How many client connections the connector holds open now (its descriptors). The endpoint's
     * own count also holds a slot for the acceptor while it waits, so its set of connections is
     * read instead.
     */
    public long openConnections() {
        try {
            var getEndpoint =
                    org.apache.coyote.AbstractProtocol.class.getDeclaredMethod("getEndpoint");
            getEndpoint.setAccessible(true);
            var endpoint =
                    (org.apache.tomcat.util.net.AbstractEndpoint<?, ?>)
                            getEndpoint.invoke(tomcat.getConnector().getProtocolHandler());
            return endpoint.getConnections().size();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Tomcat's connections", e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            deleteTree(base);
        }
    }

    /**
     * A fresh Tomcat base directory under the module's {@code target/}, not the system temp dir.
     */
    private static Path newBaseDir() throws IOException {
        return Files.createTempDirectory(
                Files.createDirectories(Path.of("target").toAbsolutePath()), "tomcat");
    }

    /** Deletes a Tomcat base directory and everything Tomcat wrote into it. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
