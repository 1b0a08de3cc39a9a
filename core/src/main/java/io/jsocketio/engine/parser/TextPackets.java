package io.jsocketio.engine.parser;

import io.jsocketio.engine.EngineMessage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The text form of a packet whose data is text or absent, {@code <digit><data>}: the same in
 * protocol revisions 3 and 4 (their binary forms differ).
 *
 * <p>A message packet's text, {@code 4} followed by the message, is built once per {@link
 * EngineMessage} and shared by every session it is sent to: a broadcast is framed once, not once
 * per recipient. It is kept in a private slot of the message that only this class reads and writes,
 * so that framing stays the codec's business and the public value type carries no wire format.
 *
 * <p>Thread-safety: the slot is written with a benign race (every thread computes the same
 * immutable String, and a String is safely published); safe from any thread.
 */
final class TextPackets {
    private static final VarHandle MESSAGE_TEXT = messageTextSlot();

    private TextPackets() {}

    /**
     * The text form of {@code p}.
     *
     * @throws IllegalStateException when its data is a binary message
     */
    static String encode(Packet p) {
        EngineMessage data = p.data();
        if (data == null) {
            return String.valueOf(p.type().code());
        }
        if (p.type() != PacketType.MESSAGE) {
            return p.type().code() + data.text();
        }
        String framed = (String) MESSAGE_TEXT.get(data);
        if (framed == null) {
            framed = PacketType.MESSAGE.code() + data.text();
            MESSAGE_TEXT.set(data, framed);
        }
        return framed;
    }

    private static VarHandle messageTextSlot() {
        try {
            return MethodHandles.privateLookupIn(EngineMessage.class, MethodHandles.lookup())
                    .findVarHandle(EngineMessage.class, "codecFrame", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
