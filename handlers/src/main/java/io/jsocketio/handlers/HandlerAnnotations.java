package io.jsocketio.handlers;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One spelling of the four handler annotations. {@link #STANDARD} is this package's {@link
 * Namespace}, {@link OnConnect}, {@link OnEvent} and {@link OnDisconnect}; an integration whose
 * users already have annotations of their own with the same meaning (the CDI extension's {@code
 * io.jsocketio.cdi.Namespace} and friends) describes them with {@link #of}, and {@link
 * NamespaceBeans} accepts either.
 *
 * <p>A namespace annotation must declare {@code String value()} and {@code String pattern()}, an
 * event annotation {@code String value()}, with the meanings of this package's annotations; all
 * four must be retained at run time.
 *
 * <p>Thread-safety: immutable.
 */
public final class HandlerAnnotations {
    /** This package's annotations. */
    public static final HandlerAnnotations STANDARD =
            of(Namespace.class, OnConnect.class, OnEvent.class, OnDisconnect.class);

    private final Class<? extends Annotation> namespace;
    private final Class<? extends Annotation> onConnect;
    private final Class<? extends Annotation> onEvent;
    private final Class<? extends Annotation> onDisconnect;
    private final Method namespaceValue;
    private final Method namespacePattern;
    private final Method eventValue;

    private HandlerAnnotations(
            Class<? extends Annotation> namespace,
            Class<? extends Annotation> onConnect,
            Class<? extends Annotation> onEvent,
            Class<? extends Annotation> onDisconnect) {
        this.namespace = runtime(namespace);
        this.onConnect = runtime(onConnect);
        this.onEvent = runtime(onEvent);
        this.onDisconnect = runtime(onDisconnect);
        this.namespaceValue = element(namespace, "value");
        this.namespacePattern = element(namespace, "pattern");
        this.eventValue = element(onEvent, "value");
    }

    /**
     * A spelling made of the given annotation types.
     *
     * @throws IllegalArgumentException when one is not retained at run time, or lacks a required
     *     {@code String} element
     */
    public static HandlerAnnotations of(
            Class<? extends Annotation> namespace,
            Class<? extends Annotation> onConnect,
            Class<? extends Annotation> onEvent,
            Class<? extends Annotation> onDisconnect) {
        return new HandlerAnnotations(namespace, onConnect, onEvent, onDisconnect);
    }

    private static Class<? extends Annotation> runtime(Class<? extends Annotation> type) {
        Objects.requireNonNull(type, "annotation type");
        Retention retention = type.getAnnotation(Retention.class);
        if (retention == null || retention.value() != RetentionPolicy.RUNTIME) {
            throw new IllegalArgumentException(type.getName() + " is not retained at run time");
        }
        return type;
    }

    private static Method element(Class<? extends Annotation> type, String name) {
        try {
            Method m = type.getMethod(name);
            if (m.getReturnType() != String.class) {
                throw new IllegalArgumentException(
                        type.getName() + "." + name + "() must return String");
            }
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    type.getName() + " has no element " + name + "()", e);
        }
    }

    /** The namespace annotation type. */
    public Class<? extends Annotation> namespace() {
        return namespace;
    }

    /** The connect, event and disconnect annotation types, in that order. */
    public java.util.List<Class<? extends Annotation>> handlerTypes() {
        return java.util.List.of(onConnect, onEvent, onDisconnect);
    }

    /** The {@code {value, pattern}} of the type's namespace annotation, or null without one. */
    String @Nullable [] namespaceOf(Class<?> type) {
        Annotation a = type.getAnnotation(namespace);
        return a == null ? null : new String[] {read(namespaceValue, a), read(namespacePattern, a)};
    }

    boolean isConnect(AnnotatedElement m) {
        return m.isAnnotationPresent(onConnect);
    }

    boolean isDisconnect(AnnotatedElement m) {
        return m.isAnnotationPresent(onDisconnect);
    }

    /** The event name of the method's event annotation, or null without one. */
    @Nullable String eventOf(AnnotatedElement m) {
        Annotation a = m.getAnnotation(onEvent);
        return a == null ? null : read(eventValue, a);
    }

    private static String read(Method element, Annotation annotation) {
        try {
            return (String) element.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + element, e);
        }
    }

    @Override
    public String toString() {
        return "HandlerAnnotations[" + namespace.getName() + ", ...]";
    }
}
