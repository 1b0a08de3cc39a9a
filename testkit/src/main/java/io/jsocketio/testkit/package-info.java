/**
 * Test support for jsocketio's own tests: runs the official Node.js clients as child processes that
 * speak JSON lines ({@link io.jsocketio.testkit.NodeProcess}). Not part of the library.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.testkit;
