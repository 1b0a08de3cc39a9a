/** The Socket.IO packet codec (protocol v5, and v4 for 2.x clients): pure functions. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.parser;
