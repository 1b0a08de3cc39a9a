package io.jsocketio.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared lane executor lives while a lease is open, so a stopped application leaves no thread.
 */
class LaneExecutorsTest {

    @Test
    void theLastLeaseShutsTheExecutorDownAndTheNextStartsAFreshOne() throws Exception {
        LaneExecutors registry = new LaneExecutors(); // not the JVM's, which other tests hold
        LaneExecutors.Lease first = registry.lease();
        LaneExecutors.Lease second = registry.lease();
        ExecutorService shared = (ExecutorService) first.executor();
        assertThat(second.executor()).isSameAs(shared);

        first.close();
        first.close(); // idempotent: does not count twice
        assertThat(shared.isShutdown()).isFalse();
        CountDownLatch ran = new CountDownLatch(1);
        second.executor().execute(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

        second.close();
        assertThat(shared.isShutdown()).isTrue();
        assertThat(shared.awaitTermination(10, TimeUnit.SECONDS)).as("threads ended").isTrue();

        LaneExecutors.Lease third = registry.lease();
        try {
            assertThat(third.executor()).isNotSameAs(shared);
            assertThat(((ExecutorService) third.executor()).isShutdown()).isFalse();
        } finally {
            third.close();
        }
    }
}
