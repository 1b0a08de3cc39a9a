/** End-to-end tests with real servers and the official clients. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.it;
