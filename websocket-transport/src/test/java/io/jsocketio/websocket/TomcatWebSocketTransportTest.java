package io.jsocketio.websocket;

import io.jsocketio.engine.EngineMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/** The WebSocket transport on embedded Tomcat 10.1 (WsSci first, then the installer). */
class TomcatWebSocketTransportTest extends WebSocketTransportContractTest {

    @Override
    protected Started startContainer(EngineMount mount) throws Exception {
        Path base = newBaseDir();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer(
                (classes, servletContext) -> EngineTransports.install(servletContext, mount), null);
        tomcat.start();
        return new Started(
                connector.getLocalPort(),
                () -> {
                    try {
                        tomcat.stop();
                        tomcat.destroy();
                    } finally {
                        deleteTree(base);
                    }
                });
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
