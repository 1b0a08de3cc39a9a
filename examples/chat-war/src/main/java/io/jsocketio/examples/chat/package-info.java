/** A chat WAR: CDI beans bound to the /chat namespace, registered through web.xml. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.examples.chat;
