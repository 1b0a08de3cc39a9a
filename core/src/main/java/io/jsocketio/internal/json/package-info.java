/**
 * JSON text and the mapping between Java values and Socket.IO payloads (placeholders and binary
 * attachments). Internal: not exported.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.internal.json;
