package io.jsocketio.servlet.internal;

import static io.jsocketio.servlet.testing.Proxies.proxy;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-driven servlet request/response pair: the test decides when the container's listeners run,
 * so every callback order can be checked without a container.
 */
final class FakeServlet {
    long contentLength = -1;
    long timeout = -1;
    int completions;
    int status;
    int contentLengthSet = -1;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<AsyncListener> listeners = new ArrayList<>();
    final Input input = new Input();
    final Output output = new Output();
    boolean inputOpened;

    final AsyncContext async =
            proxy(
                    AsyncContext.class,
                    (name, args) ->
                            switch (name) {
                                case "setTimeout" -> {
                                    timeout = (Long) args[0];
                                    yield null;
                                }
                                case "addListener" -> {
                                    listeners.add((AsyncListener) args[0]);
                                    yield null;
                                }
                                case "complete" -> {
                                    completions++;
                                    yield null;
                                }
                                default -> throw new UnsupportedOperationException(name);
                            });

    final HttpServletRequest request =
            proxy(
                    HttpServletRequest.class,
                    (name, args) ->
                            switch (name) {
                                case "startAsync" -> async;
                                case "getContentLengthLong" -> contentLength;
                                case "getInputStream" -> {
                                    inputOpened = true;
                                    yield input;
                                }
                                default -> throw new UnsupportedOperationException(name);
                            });

    final HttpServletResponse response =
            proxy(
                    HttpServletResponse.class,
                    (name, args) ->
                            switch (name) {
                                case "setStatus" -> {
                                    status = (Integer) args[0];
                                    yield null;
                                }
                                case "setHeader" -> {
                                    headers.put((String) args[0], (String) args[1]);
                                    yield null;
                                }
                                case "setContentLength" -> {
                                    contentLengthSet = (Integer) args[0];
                                    yield null;
                                }
                                case "getOutputStream" -> output;
                                default -> throw new UnsupportedOperationException(name);
                            });

    AsyncEvent event(Throwable error) {
        return new AsyncEvent(async, request, response, error);
    }

    void fireError(Throwable error) throws IOException {
        for (AsyncListener l : List.copyOf(listeners)) {
            l.onError(event(error));
        }
    }

    void fireTimeout() throws IOException {
        for (AsyncListener l : List.copyOf(listeners)) {
            l.onTimeout(event(null));
        }
    }

    void fireComplete() throws IOException {
        for (AsyncListener l : List.copyOf(listeners)) {
            l.onComplete(event(null));
        }
    }

    /** A body that arrives in chunks the test pushes. */
    static final class Input extends ServletInputStream {
        final Deque<byte[]> chunks = new ArrayDeque<>();
        boolean ended;
        int reads;
        ReadListener listener;
        private byte[] current;
        private int offset;

        /** Makes the chunk readable and tells the listener, as a container thread would. */
        void arrive(byte[] chunk) throws IOException {
            chunks.add(chunk);
            listener.onDataAvailable();
        }

        void end() throws IOException {
            ended = true;
            listener.onDataAvailable();
            listener.onAllDataRead();
        }

        @Override
        public boolean isFinished() {
            return ended && chunks.isEmpty() && current == null;
        }

        @Override
        public boolean isReady() {
            return current != null || !chunks.isEmpty() || ended;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            this.listener = readListener;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            reads++;
            if (current == null) {
                current = chunks.poll();
                offset = 0;
                if (current == null) {
                    return ended ? -1 : 0;
                }
            }
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, b, off, n);
            offset += n;
            if (offset == current.length) {
                current = null;
            }
            return n;
        }
    }

    /** An output that accepts writes while {@link #ready}; the test drives onWritePossible. */
    static final class Output extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean ready = true;
        boolean readyAfterWrite = true;
        WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            this.listener = writeListener;
            try {
                if (ready) {
                    writeListener.onWritePossible();
                }
            } catch (IOException e) {
                writeListener.onError(e);
            }
        }

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written.write(b, off, len);
            ready = readyAfterWrite;
        }
    }
}
