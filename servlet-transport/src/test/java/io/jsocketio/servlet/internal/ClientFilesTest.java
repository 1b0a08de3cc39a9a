package io.jsocketio.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientFilesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "gzip, deflate, br       | gzip",
                "br, deflate             | deflate",
                "deflate;q=0.5, gzip;q=0 | deflate",
                "*                       | gzip",
                "identity                | none",
                "br                      | none",
                "GZIP                    | gzip",
                "gzip;q=0, deflate;q=0   | none",
                "''                      | none",
            })
    void picksGzipThenDeflateFromAcceptEncoding(String accept, String expected) {
        assertThat(ClientFiles.encoding(accept)).isEqualTo(expected);
    }
}
