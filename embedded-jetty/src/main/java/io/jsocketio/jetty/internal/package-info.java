/** Implementation of the embedded Jetty server's limits; not an API. */
@NullMarked
package io.jsocketio.jetty.internal;

import org.jspecify.annotations.NullMarked;
