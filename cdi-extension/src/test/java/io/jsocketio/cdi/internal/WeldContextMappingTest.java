package io.jsocketio.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Weld context mapping that keeps Weld's HTTP contexts off the Socket.IO path. */
class WeldContextMappingTest {
    private final Pattern outside = Pattern.compile(WeldContextMapping.outside("/socket.io/"));

    @Test
    void everyPathOutsideTheSocketIoPathGetsWeldsContexts() {
        assertThat(outside.matcher("/").matches()).isTrue();
        assertThat(outside.matcher("/visits").matches()).isTrue();
        assertThat(outside.matcher("/socket.io").matches()).isTrue();
        assertThat(outside.matcher("/socketXio/").matches()).isTrue();
    }

    @Test
    void theEnginesRequestsGetNone() {
        assertThat(outside.matcher("/socket.io/").matches()).isFalse();
        assertThat(outside.matcher("/socket.io/socket.io.js").matches()).isFalse();
    }
}
