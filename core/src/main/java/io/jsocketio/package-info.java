/**
 * The Socket.IO server API: {@code Server}, {@code Namespace}, {@code Socket}, broadcast operators
 * and the types they take.
 *
 * <h2>Null policy</h2>
 *
 * <ul>
 *   <li>Parameters and results are non-null unless marked {@code @Nullable} (JSpecify, {@code
 *       NullMarked} on every exported package); a null given where none is allowed fails at once
 *       with a {@link java.lang.NullPointerException} naming the parameter.
 *   <li>Arguments sent to clients ({@code emit}, {@code send}, {@code Ack.send}, {@code
 *       serverSideEmit}) may be null and are sent as JSON {@code null}: {@code emit("x", null)}
 *       sends {@code ["x",null]} (Java passes that null as the argument array, which counts as one
 *       null argument), and an {@code emit(event, ack, args)} whose ack is null sends that null as
 *       the first argument.
 *   <li>Reading something absent answers an empty value, never an exception: lookups that may miss
 *       return {@link java.util.Optional} ({@code handshake().query("x")}, {@code data(type)},
 *       {@code data(key, type)}, {@code Server.port()}), collections are empty rather than null
 *       (and unmodifiable snapshots), and the handshake's {@code auth()} object answers {@code ""},
 *       {@code 0} or {@code false} for a missing name. An argument index past the end of {@link
 *       io.jsocketio.Args} is a programming error ({@link java.lang.IndexOutOfBoundsException}); a
 *       JSON {@code null} argument reads as null.
 *   <li>A listener parameter marked {@code @Nullable} (a disconnect description, an ack error) says
 *       when it is null in its Javadoc.
 * </ul>
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio;
