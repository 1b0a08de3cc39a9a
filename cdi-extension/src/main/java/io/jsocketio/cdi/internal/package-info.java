/** Implementation of the CDI extension and the web.xml registration; not an API. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.cdi.internal;
