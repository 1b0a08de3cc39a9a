/** jsocketio core: the Engine.IO engine, the Socket.IO codec and the server API. */
module io.jsocketio.core {
    requires transitive jakarta.json;
    requires transitive jakarta.json.bind;
    requires static transitive org.jspecify;

    exports io.jsocketio;
    exports io.jsocketio.spi;
    exports io.jsocketio.hosting;
    exports io.jsocketio.parser;
    exports io.jsocketio.engine;
    exports io.jsocketio.engine.parser;

    uses io.jsocketio.hosting.EmbeddedServerProvider;
    uses io.jsocketio.hosting.ContainerAttacher;
}
