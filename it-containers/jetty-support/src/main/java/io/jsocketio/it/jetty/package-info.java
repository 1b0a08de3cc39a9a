/** Jetty set-up for the container ITs (server class path only). */
package io.jsocketio.it.jetty;
