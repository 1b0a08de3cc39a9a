package io.jsocketio.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The UI's files, read from this module's jar ({@value #RESOURCE_DIR}) on first use and kept in
 * memory. Names are checked before any lookup: letters, digits, {@code . _ -} and single slashes,
 * no {@code ..}, and an extension of the UI's file types (so no directory is ever read).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class UiFiles {
    /** Where the build puts the UI's files; the embedded server serves them at {@code /admin/}. */
    public static final String RESOURCE_DIR = "META-INF/jsocketio/public/admin/";

    private static final Pattern NAME =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final String OTHER = "application/octet-stream";
    private static final UiFiles SHARED = new UiFiles(UiFiles.class.getClassLoader());

    /**
     * One file.
     *
     * @param contentType the Content-Type
     * @param etag a strong ETag made from the content
     * @param cacheControl {@code public, max-age=0} for the page, a year for the files with a
     *     content hash in their names
     * @param body the bytes (shared; do not modify)
     */
    public record UiFile(String contentType, String etag, String cacheControl, byte[] body) {}

    private final ClassLoader loader;
    private final Map<String, Optional<UiFile>> files = new ConcurrentHashMap<>();

    UiFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** The files of this module's jar. */
    public static UiFiles shared() {
        return SHARED;
    }

    /** Whether the UI's files are on the class path (the build packed them). */
    public boolean isAvailable() {
        return find("index.html").isPresent();
    }

    /** The file with this name relative to the UI's root, e.g. {@code js/app.0d7d7845.js}. */
    public Optional<UiFile> find(String name) {
        if (!NAME.matcher(name).matches()
                || name.contains("..")
                || contentType(name).equals(OTHER)) {
            return Optional.empty();
        }
        return files.computeIfAbsent(name, this::read);
    }

    private Optional<UiFile> read(String name) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            String cache =
                    name.equals("index.html") ? "public, max-age=0" : "public, max-age=31536000";
            return Optional.of(new UiFile(contentType(name), etag(body), cache, body));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin UI file " + name, e);
        }
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot < name.lastIndexOf('/')) {
            return OTHER;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "application/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "json", "map" -> "application/json; charset=utf-8";
            default -> OTHER;
        };
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
