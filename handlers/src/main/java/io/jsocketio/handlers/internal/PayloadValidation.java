package io.jsocketio.handlers.internal;

import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * Bean Validation of {@code @OnEvent} payloads, when the application has a validator: each payload
 * parameter annotated {@code @Valid} (a record or bean) is validated before the method is called.
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
public interface PayloadValidation {

    /**
     * The ack answering an event whose payload fails, {@code {"message":"invalid","violations":
     * [{"path","message"}...]}}, or null when it passes.
     */
    @Nullable JsonObject violations(Method method, @Nullable Object[] values);

    /** The application's validator, or null when it has none (no API or no provider). */
    static @Nullable PayloadValidation find() {
        return Access.present("jakarta.validation.Validation") ? BeanValidation.create() : null;
    }
}
