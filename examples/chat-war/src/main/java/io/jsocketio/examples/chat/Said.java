package io.jsocketio.examples.chat;

/** What the other clients receive: who said what. */
public record Said(String name, String text) {}
