package io.jsocketio.handlers.internal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link PayloadValidation} through a Jakarta Bean Validation {@link Validator} of the default
 * provider that {@link Validation} finds (WildFly's own; Hibernate Validator in {@code WEB-INF/lib}
 * or on the class path). Only loaded when the API is present.
 *
 * <p>Thread-safety: {@link Validator} is thread-safe, and the per-method cache of which parameters
 * are {@code @Valid} is a concurrent map.
 */
final class BeanValidation implements PayloadValidation {
    private static final Logger LOG = System.getLogger(BeanValidation.class.getName());

    private final Validator validator;
    private final Map<Method, boolean[]> validated = new ConcurrentHashMap<>();

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    static @Nullable PayloadValidation create() {
        try {
            return new BeanValidation(Validation.buildDefaultValidatorFactory().getValidator());
        } catch (ValidationException e) {
            LOG.log(
                    Level.DEBUG,
                    () -> "no Bean Validation provider: @OnEvent payloads are not validated: " + e);
            return null;
        }
    }

    @Override
    public @Nullable JsonObject violations(Method method, @Nullable Object[] values) {
        boolean[] valid = validated.computeIfAbsent(method, BeanValidation::validParameters);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < values.length && i < valid.length; i++) {
            if (valid[i] && values[i] != null) {
                for (ConstraintViolation<Object> v : validator.validate(values[i])) {
                    pairs.add(new String[] {v.getPropertyPath().toString(), v.getMessage()});
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String[] p : pairs) {
            list.add(Json.createObjectBuilder().add("path", p[0]).add("message", p[1]));
        }
        return Json.createObjectBuilder().add("message", "invalid").add("violations", list).build();
    }

    private static boolean[] validParameters(Method method) {
        Parameter[] parameters = method.getParameters();
        boolean[] valid = new boolean[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            valid[i] = parameters[i].isAnnotationPresent(Valid.class);
        }
        return valid;
    }
}
