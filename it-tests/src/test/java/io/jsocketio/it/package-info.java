/** End-to-end tests with real servers and the official clients. */
package io.jsocketio.it;
