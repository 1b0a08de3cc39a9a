/**
 * Test doubles for the engine, shipped in core's test-jar for other modules: a manual scheduler,
 * fake polling exchanges and WebSocket peers, and a harness wiring them to an engine.
 */
package io.jsocketio.engine.testing;
