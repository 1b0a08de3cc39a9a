/**
 * The Spring Boot auto-configuration of jsocketio (listed in {@code
 * META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}); not an API
 * apart from the configuration classes' names, which {@code exclude} may use.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.spring.autoconfigure;
