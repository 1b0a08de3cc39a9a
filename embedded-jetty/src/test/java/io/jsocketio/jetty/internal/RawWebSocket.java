package io.jsocketio.jetty.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A WebSocket client on a plain socket, for what no real client sends: it writes exactly the bytes
 * a test gives it (masked frames from {@link FrameParserTest#frame}, or broken ones) and reads the
 * server's frames as they are on the wire.
 *
 * <p>Thread-safety: not thread-safe; one test thread uses it.
 */
public final class RawWebSocket implements AutoCloseable {
    /** The example key of RFC 6455 section 1.3, and its accept value. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    public static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private final Socket socket;
    private final DataInputStream in;

    /** The response head (status line and headers) of the upgrade. */
    public final String response;

    private RawWebSocket(Socket socket, String response) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.response = response;
    }

    /** A clean upgrade request for {@code target} (path and query), plus extra header lines. */
    public static String upgradeRequest(int port, String target, String... extraHeaders) {
        StringBuilder request =
                new StringBuilder("GET " + target + " HTTP/1.1\r\n")
                        .append("Host: 127.0.0.1:")
                        .append(port)
                        .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
                        .append("Sec-WebSocket-Key: ")
                        .append(KEY)
                        .append("\r\nSec-WebSocket-Version: 13\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /**
     * Sends {@code request} (and {@code after}, in the same write) and reads the response head; the
     * socket stays open for frames.
     */
    public static RawWebSocket connect(int port, String request, byte[] after) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        byte[] head = request.getBytes(ISO_8859_1);
        socket.getOutputStream().write(FrameParserTest.concat(head, after));
        return new RawWebSocket(socket, readHead(socket.getInputStream()));
    }

    /** A clean upgrade at {@code target}. */
    public static RawWebSocket open(int port, String target) throws IOException {
        return connect(port, upgradeRequest(port, target), new byte[0]);
    }

    /**
     * Sends a request and returns the whole response (head and body, until the server closes or the
     * body ends).
     */
    public static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            InputStream input = socket.getInputStream();
            String head = readHead(input);
            String body = "";
            int length = contentLength(head);
            if (length > 0) {
                body = new String(input.readNBytes(length), UTF_8);
            }
            return head + body;
        }
    }

    /** The status line of a response. */
    public String status() {
        return response.substring(0, response.indexOf("\r\n"));
    }

    /** Writes raw bytes. */
    public RawWebSocket send(byte[] wire) throws IOException {
        socket.getOutputStream().write(wire);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads the next server frame as {@code opcode:payload} (payload as UTF-8 text). */
    public String next() throws IOException {
        Frame frame = frame();
        if (frame.opcode == FrameParser.CLOSE) {
            if (frame.payload.length < 2) {
                return "close:";
            }
            int code = ((frame.payload[0] & 0xFF) << 8) | (frame.payload[1] & 0xFF);
            return "close:"
                    + code
                    + ":"
                    + new String(frame.payload, 2, frame.payload.length - 2, UTF_8);
        }
        String kind =
                switch (frame.opcode) {
                    case FrameParser.TEXT -> "text";
                    case FrameParser.BINARY -> "binary";
                    case FrameParser.PING -> "ping";
                    case FrameParser.PONG -> "pong";
                    default -> "opcode" + frame.opcode;
                };
        return kind
                + ":"
                + (frame.opcode == FrameParser.BINARY
                        ? Arrays.toString(frame.payload)
                        : new String(frame.payload, UTF_8));
    }

    /** Reads the next server frame; fails on a masked or non-final one. */
    public Frame frame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        if ((b0 & 0x80) == 0 || (b0 & 0x70) != 0) {
            throw new AssertionError("not a final frame without RSV bits: " + b0);
        }
        if ((b1 & 0x80) != 0) {
            throw new AssertionError("a server frame must not be masked");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(b0 & 0x0F, payload);
    }

    /** Waits until the server ends the connection; true when it did (EOF or reset). */
    public boolean awaitEnd() throws IOException {
        try {
            while (in.read() >= 0) {
                // drop what still comes
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * One server frame.
     *
     * @param opcode the frame's opcode
     * @param payload its payload
     */
    public record Frame(int opcode, byte[] payload) {}

    private static String readHead(InputStream input) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = input.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }
}
