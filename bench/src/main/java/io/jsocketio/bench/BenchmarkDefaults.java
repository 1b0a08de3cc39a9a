package io.jsocketio.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark here inherits (JMH's annotations are inherited): average time
 * per operation in nanoseconds, one fork, three warm-up and five measured iterations of two seconds
 * each. A subclass overrides one by annotating itself; the command line overrides all ({@code -f
 * -wi -i -w -r}).
 *
 * <p>Thread-safety: no state.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class BenchmarkDefaults {
    /** For subclasses. */
    protected BenchmarkDefaults() {}
}
