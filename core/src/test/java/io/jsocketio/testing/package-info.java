/** Test doubles for the Socket.IO layer: a fake Engine.IO session and a server harness. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.testing;
