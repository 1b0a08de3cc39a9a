/** The implementation of the admin UI's server side; not exported. */
@NullMarked
package io.jsocketio.admin.internal;

import org.jspecify.annotations.NullMarked;
