/**
 * jsocketio annotated handlers: the container-neutral part of binding {@code @Namespace} beans to a
 * {@code Server}, shared by the CDI extension and the Spring Boot starter.
 */
module io.jsocketio.handlers {
    requires transitive io.jsocketio.core;
    requires static org.jspecify;

    exports io.jsocketio.handlers;
}
