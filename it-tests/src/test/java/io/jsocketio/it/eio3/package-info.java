/**
 * End-to-end tests of Engine.IO v3 / Socket.IO protocol v4 sessions ({@code allowEIO3}) with the
 * official socket.io-client 2.5.0, alongside 4.x clients, and JSONP polling at the HTTP level.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.it.eio3;
