/** Implementation of the servlet transport; not an API. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.servlet.internal;
