package io.jsocketio.jetty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Well-formed UTF-8 (RFC 3629) and the classic malformed sequences, whole and byte by byte. */
class Utf8ValidatorTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "'',                         true",
        "48656c6c6f,                 true", // Hello
        "48656c6c6f2c20776f726c6421, true", // more than eight ASCII bytes
        "c3a9,                       true", // é
        "e282ac,                     true", // €
        "f09f9880,                   true", // U+1F600
        "f48fbfbf,                   true", // U+10FFFF
        "efbfbf,                     true", // U+FFFF
        "c328,                       false", // bad continuation
        "80,                         false", // lone continuation
        "c0af,                       false", // overlong '/'
        "e080af,                     false", // overlong, three bytes
        "f08282ac,                   false", // overlong, four bytes
        "eda080,                     false", // surrogate U+D800
        "f4908080,                   false", // above U+10FFFF
        "f5808080,                   false", // invalid lead byte
        "ff,                         false",
        "e282,                       false", // truncated
        "4142434445464748c3,         false", // truncated after an ASCII run
    })
    void validatesWholeAndInPieces(String hex, boolean valid) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThat(Utf8Validator.isValid(bytes, 0, bytes.length)).isEqualTo(valid);
        Utf8Validator pieces = new Utf8Validator();
        boolean accepted = true;
        for (int i = 0; i < bytes.length && accepted; i++) {
            accepted = pieces.accept(bytes, i, 1);
        }
        assertThat(accepted && pieces.isComplete()).isEqualTo(valid);
    }
}
