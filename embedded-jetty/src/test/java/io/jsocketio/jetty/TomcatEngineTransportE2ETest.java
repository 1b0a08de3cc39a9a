package io.jsocketio.jetty;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.websocket.EngineTransports;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The end-to-end class on embedded Tomcat 10.1, wired as a WAR would be: WsSci first, then {@link
 * EngineTransports#install} (whose servlet mapping also lets requests reach Tomcat's WsFilter).
 */
class TomcatEngineTransportE2ETest extends EngineTransportE2ETest {

    @Override
    protected Started startServer(EngineMount mount) throws Exception {
        Path base = Files.createTempDirectory("tomcat");
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
                    tomcat.stop();
                    tomcat.destroy();
                });
    }
}
