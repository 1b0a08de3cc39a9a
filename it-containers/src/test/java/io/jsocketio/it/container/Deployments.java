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
        return war("chat.war");
    }

    /** {@link #war()} under another archive name (its context path on every container). */
    static WebArchive war(String archiveName) {
        WebArchive war =
                ShrinkWrap.create(WebArchive.class, archiveName)
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

    /** The users every container knows (Tomcat, Jetty and WildFly realms of the test set-up). */
    static final String ALICE = "alice", ALICE_PASSWORD = "alice-secret"; // role chat
    static final String BOB = "bob", BOB_PASSWORD = "bob-secret"; // roles chat, admin
    static final String CAROL = "carol", CAROL_PASSWORD = "carol-secret"; // no role

    /**
     * The CDI WAR with the Socket.IO path behind a {@code <security-constraint>} (role {@code
     * chat}) and {@code BASIC} or {@code FORM} login in realm {@code ApplicationRealm}; on Tomcat
     * its {@code META-INF/context.xml} names the users file of the test set-up ({@code
     * it.tomcat.users}).
     */
    static WebArchive secureWar(String authMethod) {
        String form =
                authMethod.equals("FORM")
                        ? """
                          <form-login-config>
                            <form-login-page>/login.html</form-login-page>
                            <form-error-page>/login-error.html</form-error-page>
                          </form-login-config>
                          """
                        : "";
        String security =
                """
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>socket.io</web-resource-name>
                      <url-pattern>/socket.io/*</url-pattern>
                      <url-pattern>/nick</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>chat</role-name></auth-constraint>
                  </security-constraint>
                  <login-config>
                    <auth-method>%s</auth-method>
                    <realm-name>ApplicationRealm</realm-name>
                    %s
                  </login-config>
                  <security-role><role-name>chat</role-name></security-role>
                  <security-role><role-name>admin</role-name></security-role>
                </web-app>
                """
                        .formatted(authMethod, form);
        String webXml = WEB_XML.replace("</web-app>\n", security);
        WebArchive war =
                ShrinkWrap.create(
                                WebArchive.class,
                                "secure-" + authMethod.toLowerCase(java.util.Locale.ROOT) + ".war")
                        .setWebXML(new StringAsset(webXml))
                        .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                        .addAsManifestResource(
                                new StringAsset(
                                        """
                                        <Context>
                                          <Realm className="org.apache.catalina.realm.MemoryRealm"
                                                 pathname="${it.tomcat.users}"/>
                                        </Context>
                                        """),
                                "context.xml")
                        .addAsWebResource(
                                new StringAsset(
                                        """
                                        <!DOCTYPE html><html><body>
                                        <form method="post" action="j_security_check">
                                        <input name="j_username"><input name="j_password" type="password">
                                        </form></body></html>
                                        """),
                                "login.html")
                        .addAsWebResource(
                                new StringAsset("<!DOCTYPE html><html><body>no</body></html>"),
                                "login-error.html");
        war.addAsLibraries(jars(name -> !name.startsWith("jsocketio-it-container-app-plain")));
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
