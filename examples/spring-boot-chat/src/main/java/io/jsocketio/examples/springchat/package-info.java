/** The chat demo as a Spring Boot application. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.examples.springchat;
