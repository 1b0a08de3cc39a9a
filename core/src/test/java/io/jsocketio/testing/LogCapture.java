package io.jsocketio.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records everything jsocketio logs (its {@code System.Logger}s go to {@code java.util.logging}
 * here), at every level, while open: {@code DEBUG} is {@link Level#FINE}, {@code TRACE} {@link
 * Level#FINER}.
 *
 * <p>Thread-safety: records may arrive from any thread; read them after the work is done.
 */
public final class LogCapture implements AutoCloseable {
    private static final Logger ROOT = Logger.getLogger("io.jsocketio"); // strongly held

    private final List<LogRecord> records = new ArrayList<>(); // guarded by records
    private final Level previous;
    private final Handler handler =
            new Handler() {
                @Override
                public void publish(LogRecord r) {
                    synchronized (records) {
                        records.add(r);
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    private LogCapture() {
        previous = ROOT.getLevel();
        handler.setLevel(Level.ALL);
        ROOT.setLevel(Level.ALL);
        ROOT.addHandler(handler);
    }

    /** Starts recording. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Everything recorded so far. */
    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** The records above {@code DEBUG} ({@link Level#INFO} and up). */
    public List<LogRecord> aboveDebug() {
        return records().stream()
                .filter(r -> r.getLevel().intValue() > Level.FINE.intValue())
                .toList();
    }

    /** The records that carry an exception (a stack trace in any handler that prints them). */
    public List<LogRecord> withStackTrace() {
        return records().stream().filter(r -> r.getThrown() != null).toList();
    }

    /**
     * How many bytes the records above {@code DEBUG} take as {@link SimpleFormatter} writes them.
     */
    public long bytesAboveDebug() {
        SimpleFormatter formatter = new SimpleFormatter();
        long n = 0;
        for (LogRecord r : aboveDebug()) {
            n += formatter.format(r).length();
        }
        return n;
    }

    /** Describes records for an assertion message. */
    public static String describe(List<LogRecord> list) {
        List<String> lines = new ArrayList<>();
        for (LogRecord r : list.subList(0, Math.min(5, list.size()))) {
            lines.add(
                    r.getLevel()
                            + " "
                            + r.getLoggerName()
                            + ": "
                            + new SimpleFormatter().formatMessage(r)
                            + (r.getThrown() != null ? " / " + r.getThrown() : ""));
        }
        return list.size() + " records, first: " + String.join(" | ", lines);
    }

    @Override
    public void close() {
        ROOT.removeHandler(handler);
        ROOT.setLevel(previous);
    }
}
