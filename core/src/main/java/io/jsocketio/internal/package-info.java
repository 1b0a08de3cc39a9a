/** Implementation of the Socket.IO layer; not exported, not API. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.internal;
