package io.jsocketio.spi;

/**
 * Receives the room events of an {@link Adapter} ({@code create-room}, {@code delete-room}, {@code
 * join-room}, {@code leave-room} in Node). Every method does nothing by default.
 *
 * <p>Runs on the thread that changed the rooms, after the change, outside the adapter's lock; for
 * one socket, in the order of its changes. Must not block. An exception it throws is logged.
 */
public interface RoomListener {

    /** A room got its first member. */
    default void onCreateRoom(String room) {}

    /** A room lost its last member. */
    default void onDeleteRoom(String room) {}

    /** A socket joined a room. */
    default void onJoinRoom(String room, String socketId) {}

    /** A socket left a room. */
    default void onLeaveRoom(String room, String socketId) {}
}
