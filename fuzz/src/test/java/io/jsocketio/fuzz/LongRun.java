package io.jsocketio.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs fuzz tests one after the other in one JVM, outside Maven: {@code JAZZER_FUZZ=1 java -cp
 * <test class path> io.jsocketio.fuzz.LongRun Class#method ...}, each until its {@link
 * Budget#EXECUTIONS} executions (see README.md, "Fuzzing"). Jazzer prints its progress and final
 * count ({@code #N DONE}) to standard error.
 */
public final class LongRun {
    private LongRun() {}

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        int failed = 0;
        for (String target : args) {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(
                    org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectMethod(qualified(target)))
                            .build(),
                    summary);
            long failures = summary.getSummary().getTotalFailureCount();
            System.err.println("LongRun " + target + ": " + (failures == 0 ? "ok" : "FAILED"));
            summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
            failed += (int) failures;
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static String qualified(String target) {
        String cls = target.substring(0, target.indexOf('#'));
        String method = target.substring(target.indexOf('#') + 1);
        String pkg =
                cls.startsWith("Redis") ? "io.jsocketio.redis.internal." : "io.jsocketio.fuzz.";
        String param =
                switch (method) {
                    case "v4BinaryFrame",
                                    "v3BinaryPayload",
                                    "v3BinaryFrame",
                                    "broadcast",
                                    "requestOrResponse" ->
                            "byte[]";
                    default -> "com.code_intelligence.jazzer.api.FuzzedDataProvider";
                };
        return pkg + cls + "#" + method + "(" + param + ")";
    }
}
