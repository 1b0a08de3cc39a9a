package io.jsocketio.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void aPacketsJsonBecomesPlainJavaValuesWithItsAttachmentsInPlace() {
        byte[] image = {1, 2, 3};
        Object tree =
                JsonValues.toJava(
                        JsonText.parse(
                                "[\"x\",{\"n\":1,\"big\":12345678901234567890,\"half\":0.5,"
                                        + "\"exact\":0.1000000000000000000001,\"long\":4294967296,"
                                        + "\"ok\":true,\"none\":null,"
                                        + "\"img\":{\"_placeholder\":true,\"num\":0}}]"),
                        List.of(image));

        assertThat(tree).isInstanceOf(List.class);
        List<?> list = (List<?>) tree;
        assertThat(list.get(0)).isEqualTo("x");
        Map<?, ?> map = (Map<?, ?>) list.get(1);
        assertThat(map.keySet().stream().map(Object::toString).toList())
                .containsExactly("n", "big", "half", "exact", "long", "ok", "none", "img");
        assertThat(map.get("n")).isEqualTo(1);
        assertThat(map.get("big")).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(map.get("half")).isEqualTo(0.5);
        assertThat(map.get("exact")).isEqualTo(new BigDecimal("0.1000000000000000000001"));
        assertThat(map.get("long")).isEqualTo(4294967296L);
        assertThat(map.get("ok")).isEqualTo(true);
        assertThat(map.get("none")).isNull();
        assertThat(map.get("img")).isSameAs(image);
        assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPlaceholderWithoutItsAttachmentStaysAnObject() {
        Object tree =
                JsonValues.toJava(
                        JsonText.parse("{\"_placeholder\":true,\"num\":1}"), List.of(new byte[0]));

        assertThat(tree).isEqualTo(Map.of("_placeholder", true, "num", 1));
        assertThat(Arrays.asList(JsonValues.toJava(JsonText.parse("[1e2]"), List.of())))
                .containsExactly(List.of(100));
    }
}
