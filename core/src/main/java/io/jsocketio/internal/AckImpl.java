package io.jsocketio.internal;

import io.jsocketio.Ack;
import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.internal.json.Payload;
import java.util.concurrent.atomic.AtomicBoolean;

/** The acknowledgement a client asked for with an event: sent once, from any thread. */
final class AckImpl implements Ack {
    private static final System.Logger LOG = System.getLogger(AckImpl.class.getName());

    /** The acknowledgement of an event that asked for none. */
    static final Ack NONE =
            new Ack() {
                @Override
                public void send(Object... args) {
                    LOG.log(System.Logger.Level.DEBUG, "the client asked for no acknowledgement");
                }

                @Override
                public boolean requested() {
                    return false;
                }
            };

    private final SocketImpl socket;
    private final long id;
    private final AtomicBoolean sent = new AtomicBoolean();

    AckImpl(SocketImpl socket, long id) {
        this.socket = socket;
        this.id = id;
    }

    @Override
    public void send(Object... args) {
        Payload payload = JsonMapping.toPayload(args);
        if (!sent.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.DEBUG, "ack {0} already sent; ignored", id);
            return;
        }
        socket.sendAck(payload.ack(socket.nsp().name(), id));
    }

    @Override
    public boolean requested() {
        return true;
    }
}
