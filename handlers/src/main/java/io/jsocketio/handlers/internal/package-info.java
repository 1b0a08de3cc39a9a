/** Implementation of the annotated-handler binding; not an API. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.handlers.internal;
