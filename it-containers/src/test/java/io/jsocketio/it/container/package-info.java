/** The same Arquillian ITs for every container (Tomcat, Jetty, WildFly). */
@org.jspecify.annotations.NullMarked
package io.jsocketio.it.container;
