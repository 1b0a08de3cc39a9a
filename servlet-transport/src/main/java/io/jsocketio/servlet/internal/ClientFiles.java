package io.jsocketio.servlet.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.StaticFiles;
import io.jsocketio.engine.StaticFiles.StaticFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Answers GET requests for the files of an {@link io.jsocketio.engine.EngineMount} (the client
 * bundle), the way the Node server's {@code serveClient} does: {@code ETag}, {@code 304} on a
 * matching {@code If-None-Match} (strong or weak), {@code Cache-Control: public, max-age=0}, and
 * the body compressed with gzip or deflate when the client accepts it. Compressed bodies are
 * computed once per file and encoding.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class ClientFiles {
    private final StaticFiles files;
    private final Map<String, byte[]> compressed = new ConcurrentHashMap<>();

    /** Serves the given files. */
    public ClientFiles(StaticFiles files) {
        this.files = files;
    }

    /**
     * An HTTP answer.
     *
     * @param status the status
     * @param headers the headers, exact names
     * @param body the body
     */
    public record Answer(int status, Map<String, String> headers, byte[] body) {}

    /** The answer for {@code name} (relative to the mount path), if it is one of the files. */
    public Optional<Answer> answer(String name, EngineRequest request) {
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            return Optional.empty();
        }
        return files.find(name).map(file -> answer(file, request));
    }

    private Answer answer(StaticFile file, EngineRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String etag = file.etag();
        Optional<String> ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch.isPresent()
                && (ifNoneMatch.get().equals(etag) || ifNoneMatch.get().equals("W/" + etag))) {
            return new Answer(304, headers, new byte[0]);
        }
        headers.put("Cache-Control", "public, max-age=0");
        headers.put("Content-Type", file.contentType());
        headers.put("ETag", etag);
        String encoding = encoding(request.header("accept-encoding").orElse(""));
        if (encoding == null) {
            return new Answer(200, headers, file.body());
        }
        headers.put("Content-Encoding", encoding);
        headers.put("Vary", "Accept-Encoding");
        byte[] body =
                compressed.computeIfAbsent(
                        encoding + '\n' + etag + '\n' + file.name(),
                        k -> compress(file.body(), encoding));
        return new Answer(200, headers, body);
    }

    /** gzip or deflate, whichever the client accepts first in that order, or null. */
    static @Nullable String encoding(String acceptEncoding) {
        boolean gzip = false;
        boolean deflate = false;
        boolean any = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        refused = Double.parseDouble(param.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (refused) {
                continue;
            }
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = true;
                case "deflate" -> deflate = true;
                case "*" -> any = true;
                default -> {}
            }
        }
        if (gzip || any) {
            return "gzip";
        }
        return deflate ? "deflate" : null;
    }

    private static byte[] compress(byte[] body, String encoding) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3 + 64);
        try (OutputStream out =
                encoding.equals("gzip")
                        ? new GZIPOutputStream(bytes)
                        : new DeflaterOutputStream(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return bytes.toByteArray();
    }
}
