package io.jsocketio.it.container.app;

/** A payload record. */
public record Sum(int a, int b) {}
