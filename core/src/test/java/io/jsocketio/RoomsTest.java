package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.RoomListener;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room index: joins, leaves, the socket's own room, room events. */
class RoomsTest {
    private final SioHarness h = SioHarness.create();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    RoomsTest() {
        h.io.onConnection(sockets::add);
        h.io.sockets()
                .adapter()
                .addRoomListener(
                        new RoomListener() {
                            @Override
                            public void onCreateRoom(String room) {
                                events.add("create " + room);
                            }

                            @Override
                            public void onDeleteRoom(String room) {
                                events.add("delete " + room);
                            }

                            @Override
                            public void onJoinRoom(String room, String id) {
                                events.add("join " + room + " " + id);
                            }

                            @Override
                            public void onLeaveRoom(String room, String id) {
                                events.add("leave " + room + " " + id);
                            }
                        });
    }

    /** The events with socket ids written as s0, s1... */
    private List<String> events() {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            for (int i = 0; i < sockets.size(); i++) {
                e = e.replace(sockets.get(i).id(), "s" + i);
            }
            out.add(e);
        }
        return out;
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aSocketIsInItsOwnRoomFromItsConnection() {
        h.connected();

        Socket s = sockets.get(0);
        assertThat(s.rooms()).containsExactly(s.id());
    }

    @Test
    void joinsAndLeavesRoomsOneOrManyAtATime() {
        h.connected();
        Socket s = sockets.get(0);

        s.join("a");
        s.join(List.of("b", "c"));
        s.leave("b");

        assertThat(s.rooms()).containsExactly(s.id(), "a", "c");
    }

    @Test
    void roomsReturnsASnapshot() {
        h.connected();
        Socket s = sockets.get(0);
        Set<String> before = s.rooms();

        s.join("a");

        assertThat(before).containsExactly(s.id());
    }

    @Test
    void keepsBothSidesOfTheIndexInAgreement() {
        h.connected();
        h.connected();
        Socket s0 = sockets.get(0);
        Socket s1 = sockets.get(1);
        s0.join(List.of("a", "b"));
        s1.join("a");
        s0.leave("a");

        Adapter adapter = h.io.sockets().adapter();
        Map<String, Set<String>> rooms = adapter.rooms();
        assertThat(rooms.get("a")).containsExactly(s1.id());
        assertThat(rooms.get("b")).containsExactly(s0.id());
        for (Socket s : sockets) {
            for (String room : adapter.socketRooms(s.id()).orElseThrow()) {
                assertThat(rooms.get(room)).contains(s.id());
            }
        }
        rooms.forEach(
                (room, ids) ->
                        ids.forEach(
                                id ->
                                        assertThat(adapter.socketRooms(id).orElseThrow())
                                                .contains(room)));
    }

    @Test
    void firesRoomEventsAndEmptiesTheIndexWhenTheSocketLeaves() {
        FakeEngineSocket conn = h.connected();
        Socket s = sockets.get(0);
        s.join("a");
        s.leave("a");
        s.join("b");

        conn.receive("1");

        assertThat(events())
                .containsExactly(
                        "create s0",
                        "join s0 s0",
                        "create a",
                        "join a s0",
                        "leave a s0",
                        "delete a",
                        "create b",
                        "join b s0",
                        "leave s0 s0",
                        "delete s0",
                        "leave b s0",
                        "delete b");
        assertThat(h.io.sockets().adapter().rooms()).isEmpty();
        assertThat(h.io.sockets().adapter().socketRooms(s.id())).isEmpty();
        assertThat(s.rooms()).isEmpty();
    }

    @Test
    void aDisconnectedSocketCannotJoin() {
        FakeEngineSocket conn = h.connected();
        Socket s = sockets.get(0);
        conn.receive("1");

        s.join("late");

        assertThat(h.io.sockets().adapter().rooms()).isEmpty();
    }

    @Test
    void roomsAreKeptPerNamespace() {
        FakeEngineSocket conn = h.connected();
        conn.receive("0/other,");
        Socket main = sockets.get(0);
        main.join("lobby");

        assertThat(h.io.of("/other").adapter().rooms()).doesNotContainKey("lobby");
        assertThat(h.io.sockets().adapter().rooms()).containsKey("lobby");
    }
}
