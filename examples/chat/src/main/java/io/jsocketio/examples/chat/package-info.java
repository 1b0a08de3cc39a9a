/** The chat demo: {@link io.jsocketio.examples.chat.ChatServer} and its handlers. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.examples.chat;
