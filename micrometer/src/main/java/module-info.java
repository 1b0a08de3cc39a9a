/** jsocketio Micrometer metrics: a MeterBinder for a Server. */
module io.jsocketio.micrometer {
    requires transitive io.jsocketio.core;
    requires transitive micrometer.core;
    requires static org.jspecify;

    exports io.jsocketio.micrometer;
}
