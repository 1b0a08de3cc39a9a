package io.jsocketio.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCompressionTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "gzip | gzip",
                "deflate | deflate",
                "gzip, deflate, br | gzip",
                "deflate, gzip | deflate",
                "gzip;q=0.5, deflate | deflate",
                "gzip;q=0, deflate;q=0 | none",
                "br | none",
                "identity | none",
                "* | gzip",
                "*;q=0.1, deflate;q=0.5 | deflate",
                "gzip;q=0, * | deflate",
                "'' | none",
                "GZIP | gzip",
            })
    void negotiatesLikeNodesAccepts(String header, String expected) {
        assertThat(HttpCompression.negotiate(header)).isEqualTo(expected);
    }
}
