package io.jsocketio.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code httpCompression} of polling responses: picks {@code gzip} or {@code deflate} (zlib
 * format, as Node's {@code createDeflate}) from {@code Accept-Encoding} as Node's {@code accepts}
 * does (highest q-value, then the client's order, then gzip before deflate; {@code *} matches both;
 * q=0 excludes), and compresses.
 *
 * <p>Thread-safety: stateless.
 */
final class HttpCompression {
    private HttpCompression() {}

    /** The encoding to use for {@code acceptEncoding}, or null for none. */
    static String negotiate(String acceptEncoding) {
        double gzipQ = -1;
        double deflateQ = -1;
        double starQ = -1;
        int gzipPos = Integer.MAX_VALUE;
        int deflatePos = Integer.MAX_VALUE;
        int starPos = Integer.MAX_VALUE;
        String[] parts = acceptEncoding.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] fields = parts[i].trim().split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int f = 1; f < fields.length; f++) {
                String p = fields[f].trim();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            switch (coding) {
                case "gzip" -> {
                    gzipQ = q;
                    gzipPos = i;
                }
                case "deflate" -> {
                    deflateQ = q;
                    deflatePos = i;
                }
                case "*" -> {
                    starQ = q;
                    starPos = i;
                }
                default -> {}
            }
        }
        if (gzipQ < 0 && starQ >= 0) {
            gzipQ = starQ;
            gzipPos = starPos;
        }
        if (deflateQ < 0 && starQ >= 0) {
            deflateQ = starQ;
            deflatePos = starPos;
        }
        boolean gzip = gzipQ > 0;
        boolean deflate = deflateQ > 0;
        if (gzip && deflate) {
            if (gzipQ != deflateQ) {
                return gzipQ > deflateQ ? "gzip" : "deflate";
            }
            return deflatePos < gzipPos ? "deflate" : "gzip";
        }
        return gzip ? "gzip" : deflate ? "deflate" : null;
    }

    /** {@code data} compressed with {@code encoding} ({@code gzip} or {@code deflate}). */
    static byte[] compress(byte[] data, String encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
        try (OutputStream z =
                "gzip".equals(encoding)
                        ? new GZIPOutputStream(out)
                        : new DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        return out.toByteArray();
    }
}
