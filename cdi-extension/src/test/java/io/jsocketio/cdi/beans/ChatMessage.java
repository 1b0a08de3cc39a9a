package io.jsocketio.cdi.beans;

/** A payload record. */
public record ChatMessage(String user, String text) {}
