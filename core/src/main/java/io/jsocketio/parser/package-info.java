/**
 * The Socket.IO packet codec (protocol v5, and v4 for 2.x clients): pure functions, and the {@link
 * io.jsocketio.parser.Parser} SPI that lets a server use another wire format (Node's {@code parser}
 * option).
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.parser;
