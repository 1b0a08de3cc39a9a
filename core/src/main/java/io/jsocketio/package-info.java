/**
 * The Socket.IO server API: {@code Server}, {@code Namespace}, {@code Socket}, broadcast operators
 * and the types they take.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio;
