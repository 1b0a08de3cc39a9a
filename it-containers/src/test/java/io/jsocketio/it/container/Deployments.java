package io.jsocketio.it.container;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR under test: {@code web.xml} registration of the Socket.IO servlet and the jars of {@code
 * target/war-lib}: the application (module {@code app}), jsocketio, and for Tomcat Weld.
 */
final class Deployments {
    private Deployments() {}

    static final String WEB_XML =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <!-- Jetty: Weld on the server class path decorates servlets (ignored elsewhere) -->
              <context-param>
                <param-name>org.eclipse.jetty.cdi</param-name>
                <param-value>CdiDecoratingListener</param-value>
              </context-param>
              <servlet>
                <servlet-name>socket.io</servlet-name>
                <servlet-class>io.jsocketio.cdi.SocketIoServlet</servlet-class>
                <init-param><param-name>path</param-name><param-value>/socket.io/</param-value></init-param>
                <init-param><param-name>serveClient</param-name><param-value>true</param-value></init-param>
                <load-on-startup>1</load-on-startup>
                <async-supported>true</async-supported>
              </servlet>
              <servlet-mapping>
                <servlet-name>socket.io</servlet-name>
                <url-pattern>/socket.io/*</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    static final String BEANS_XML =
            """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    /** The CDI WAR: the app module's beans, and Weld on Tomcat. */
    static WebArchive war() {
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, "chat.war")
                        .setWebXML(new StringAsset(WEB_XML))
                        .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
        war.addAsLibraries(jars(name -> !name.startsWith("jsocketio-it-container-app-plain")));
        return war;
    }

    /**
     * A WAR without CDI (no beans.xml, no Weld): the same web.xml, and a listener wiring a
     * namespace on {@code SocketIoServlet.server(servletContext)}.
     */
    static WebArchive plainWar() {
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, "plain.war").setWebXML(new StringAsset(WEB_XML));
        war.addAsLibraries(
                jars(
                        name ->
                                !name.startsWith("weld-")
                                        && (!name.startsWith("jsocketio-it-container-app")
                                                || name.startsWith(
                                                        "jsocketio-it-container-app-plain"))));
        return war;
    }

    private static File[] jars(java.util.function.Predicate<String> include) {
        File lib = new File(Objects.requireNonNull(System.getProperty("war.lib"), "war.lib"));
        File[] jars = lib.listFiles((dir, name) -> name.endsWith(".jar") && include.test(name));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no jars in " + lib);
        }
        Arrays.sort(jars);
        return jars;
    }
}
