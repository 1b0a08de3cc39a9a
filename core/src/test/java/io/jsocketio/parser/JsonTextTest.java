package io.jsocketio.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    /** Input JSON and the compact text written back (as JSON.stringify(JSON.parse(in)) would). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "1 | 1",
                "-1 | -1",
                "-0 | 0",
                "1.5 | 1.5",
                "12345678901234567890 | 12345678901234567890",
                "1e3 | 1000",
                "1E+3 | 1000",
                "2.5e2 | 250",
                "1e21 | 1e+21",
                "1e20 | 100000000000000000000",
                "1e-7 | 1e-7",
                "1.5e-7 | 1.5e-7",
                "0.000001 | 0.000001",
                "true | true",
                "null | null",
                "`\"a\"` | `\"a\"`",
                "` [ 1 , { \"b\" : [ ] , \"a\" : { } } ] ` | `[1,{\"b\":[],\"a\":{}}]`",
                "`{\"z\":1,\"a\":2,\"z\":3}` | `{\"z\":3,\"a\":2}`",
                "`\"\\u0041\\n\\/\"` | `\"A\\n/\"`",
                "`\"\\ud83d\\ude00\"` | `\"\ud83d\ude00\"`",
                "`\"\\udc00\"` | `\"\\udc00\"`",
                "`\"\\u001f\\u007f\"` | `\"\\u001f\u007f\"`",
            })
    void writesParsedJsonBackCompactly(String in, String out) {
        assertThat(JsonText.write(JsonText.parse(in))).isEqualTo(out);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "",
                " ",
                "[1]]",
                "[1] [2]",
                "01",
                "+1",
                ".5",
                "1.",
                "NaN",
                "'a'",
                "{a:1}",
                "[1,]",
                "\"unterminated",
                "undefined"
            })
    void refusesAnythingButExactlyOneJsonValue(String in) {
        assertThatThrownBy(() -> JsonText.parse(in)).isInstanceOf(JsonException.class);
    }
}
