package io.jsocketio.examples.chat;

/** What a client sends with a {@code message} event. */
public record ChatMessage(String text) {}
