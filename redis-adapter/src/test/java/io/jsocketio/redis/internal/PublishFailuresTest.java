package io.jsocketio.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** An outage of many failed publishes gives one WARNING, each failure a DEBUG line. */
class PublishFailuresTest {

    /** Keeps what is logged, as "LEVEL message". */
    private static final class Recorder implements System.Logger {
        final List<String> records = new ArrayList<>();

        @Override
        public String getName() {
            return "recorder";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            records.add(level + " " + message.get());
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            records.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            records.add(level + " " + format);
        }
    }

    @Test
    void theFirstFailureOfAnOutageIsAWarningTheNextOnesAreDebugOnly() {
        Recorder log = new Recorder();
        PublishFailures failures = new PublishFailures(log);

        for (int i = 0; i < 3; i++) {
            failures.onFailure("socket.io#/#", new IllegalStateException("node down"));
        }

        assertThat(log.records).filteredOn(r -> r.startsWith("DEBUG")).hasSize(3);
        assertThat(log.records)
                .filteredOn(r -> r.startsWith("WARNING"))
                .containsExactly(
                        "WARNING 1 message(s) could not be published since the last such warning"
                                + " (the last on socket.io#/#: java.lang.IllegalStateException:"
                                + " node down); broadcasts reach this server's clients only until"
                                + " Redis serves the channel again");
    }
}
