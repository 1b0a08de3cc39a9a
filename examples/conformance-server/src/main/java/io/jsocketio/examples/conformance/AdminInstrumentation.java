package io.jsocketio.examples.conformance;

import io.jsocketio.Server;
import io.jsocketio.admin.AdminUi;
import io.jsocketio.admin.AdminUiOptions;

/**
 * CONFORMANCE.md section 8: the {@code /recovery/} server instrumented for the Socket.IO Admin UI
 * (namespace {@code /admin}, authentication off, mode development, server id {@code conformance}).
 */
final class AdminInstrumentation {
    private AdminInstrumentation() {}

    /** Instruments {@code io}. */
    static AdminUi apply(Server io) {
        return AdminUi.instrument(
                io,
                AdminUiOptions.builder()
                        .noAuth()
                        .mode(AdminUiOptions.Mode.DEVELOPMENT)
                        .serverId("conformance")
                        .build());
    }
}
