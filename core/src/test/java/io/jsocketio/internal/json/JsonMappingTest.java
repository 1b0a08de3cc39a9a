package io.jsocketio.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.parser.JsonText;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

    public record Chat(String user, String text) {}

    public record Upload(String name, byte[] content, List<byte[]> parts) {}

    public record Measure(double value, Double boxed, float small, int count, Double missing) {}

    public enum Color {
        RED
    }

    public static final class Bean {
        private String title = "t";
        private int pages = 3;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public int getPages() {
            return pages;
        }

        public void setPages(int pages) {
            this.pages = pages;
        }
    }

    private static String json(Payload payload) {
        return JsonText.write(payload.data());
    }

    @Test
    void writesScalarsKeepingTheirNumericTypes() {
        Payload payload =
                JsonMapping.toPayload(
                        null,
                        true,
                        false,
                        1,
                        1L,
                        (short) 2,
                        (byte) 3,
                        new BigInteger("12345678901234567890"),
                        Long.MAX_VALUE,
                        1.5,
                        1.0,
                        -0.0,
                        1.5f,
                        0.1f,
                        new BigDecimal("1.50"),
                        1e21,
                        1e20,
                        1e-7,
                        0.000001,
                        123.456,
                        "s",
                        'c',
                        new StringBuilder("sb"));

        assertThat(json(payload))
                .isEqualTo(
                        "[null,true,false,1,1,2,3,12345678901234567890,9223372036854775807,"
                                + "1.5,1,0,1.5,0.1,1.50,1e+21,100000000000000000000,1e-7,0.000001,"
                                + "123.456,\"s\",\"c\",\"sb\"]");
        assertThat(payload.attachments()).isEmpty();
        assertThat(payload.hasBinary()).isFalse();
    }

    @Test
    void writesNanAndInfinitiesAsNullAsJsonStringifyDoes() {
        assertThat(
                        json(
                                JsonMapping.toPayload(
                                        Double.NaN,
                                        Double.POSITIVE_INFINITY,
                                        Double.NEGATIVE_INFINITY,
                                        Float.NaN)))
                .isEqualTo("[null,null,null,null]");
    }

    @Test
    void keepsMapInsertionOrderAndStringifiesKeys() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", 2);
        map.put(3, "three");
        map.put("n", null);
        Map<String, Integer> sorted = new TreeMap<>(Map.of("b", 2, "a", 1));

        assertThat(json(JsonMapping.toPayload(map, sorted)))
                .isEqualTo("[{\"z\":1,\"a\":2,\"3\":\"three\",\"n\":null},{\"a\":1,\"b\":2}]");
    }

    @Test
    void writesCollectionsArraysAndOptionals() {
        List<Object> withNull = new ArrayList<>(Arrays.asList(1, null, "x"));

        assertThat(
                        json(
                                JsonMapping.toPayload(
                                        withNull,
                                        new int[] {1, 2},
                                        new double[] {0.5, 2.0},
                                        new String[] {"a"},
                                        Optional.empty(),
                                        Optional.of("o"),
                                        OptionalInt.of(4),
                                        OptionalDouble.empty())))
                .isEqualTo("[[1,null,\"x\"],[1,2],[0.5,2],[\"a\"],null,\"o\",4,null]");
    }

    @Test
    void passesJsonValuesThroughAsTheyAre() {
        JsonValue value = JsonText.parse("{\"b\":[1.0,2],\"a\":{\"_placeholder\":true,\"num\":0}}");

        Payload payload = JsonMapping.toPayload("e", value);

        assertThat(json(payload))
                .isEqualTo("[\"e\",{\"b\":[1.0,2],\"a\":{\"_placeholder\":true,\"num\":0}}]");
        assertThat(payload.attachments()).isEmpty();
    }

    @Test
    void replacesBinaryAnywhereInTheTreeByPlaceholdersNumberedDepthFirst() {
        byte[] a = {1};
        byte[] b = {2};
        byte[] c = {3};
        ByteBuffer d = ByteBuffer.wrap(new byte[] {9, 4, 5});
        d.position(1);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(a, Map.of("deep", b)));
        nested.put("text", "t");

        Payload payload = JsonMapping.eventPayload("upload", nested, c, d);

        assertThat(json(payload))
                .isEqualTo(
                        "[\"upload\",{\"list\":[{\"_placeholder\":true,\"num\":0},"
                                + "{\"deep\":{\"_placeholder\":true,\"num\":1}}],\"text\":\"t\"},"
                                + "{\"_placeholder\":true,\"num\":2},"
                                + "{\"_placeholder\":true,\"num\":3}]");
        assertThat(payload.attachments()).hasSize(4);
        assertThat(payload.attachments().get(0)).isSameAs(a);
        assertThat(payload.attachments().get(1)).isSameAs(b);
        assertThat(payload.attachments().get(2)).isSameAs(c);
        assertThat(payload.attachments().get(3)).containsExactly(4, 5);
        assertThat(d.position()).isEqualTo(1);
        assertThat(payload.hasBinary()).isTrue();
    }

    @Test
    void mapsRecordsAndBeansThroughJsonb() {
        assertThat(json(JsonMapping.toPayload(new Chat("ann", "hi"), new Bean(), Color.RED)))
                .isEqualTo(
                        "[{\"text\":\"hi\",\"user\":\"ann\"},{\"pages\":3,\"title\":\"t\"},\"RED\"]");
    }

    @Test
    void turnsBinaryPropertiesOfRecordsIntoAttachments() {
        byte[] content = {1, 2};
        byte[] part = {3};

        Payload payload =
                JsonMapping.toPayload("first", new Upload("f.bin", content, List.of(part)));

        assertThat(json(payload))
                .isEqualTo(
                        "[\"first\",{\"content\":{\"_placeholder\":true,\"num\":0},"
                                + "\"name\":\"f.bin\","
                                + "\"parts\":[{\"_placeholder\":true,\"num\":1}]}]");
        assertThat(payload.attachments()).containsExactly(content, part);
    }

    @Test
    void numbersAttachmentsOfRecordsAfterThoseOfEarlierArguments() {
        Payload payload =
                JsonMapping.toPayload(
                        new byte[] {0}, new Upload("x", new byte[] {1}, List.of()), new byte[] {2});

        assertThat(json(payload))
                .isEqualTo(
                        "[{\"_placeholder\":true,\"num\":0},"
                                + "{\"content\":{\"_placeholder\":true,\"num\":1},\"name\":\"x\",\"parts\":[]},"
                                + "{\"_placeholder\":true,\"num\":2}]");
        assertThat(payload.attachments()).hasSize(3);
        assertThat(payload.attachments().get(1)).containsExactly(1);
    }

    @Test
    void writesBoxedDoublePropertiesAsJavaScriptDoesAndPrimitiveOnesAsJsonbDoes() {
        // Yasson routes only boxed properties through custom serializers: a primitive double
        // keeps Java's form (1.0), which every client reads as the same number.
        assertThat(json(JsonMapping.toPayload(new Measure(1.0, 2.0, 0.1f, 7, null))))
                .isEqualTo("[{\"boxed\":2,\"count\":7,\"small\":0.1,\"value\":1.0}]");
        assertThat(json(JsonMapping.toPayload(new Measure(0.5, Double.NaN, 1f, 0, null))))
                .isEqualTo("[{\"boxed\":null,\"count\":0,\"small\":1.0,\"value\":0.5}]");
    }

    @Test
    void refusesCyclicStructures() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> JsonMapping.toPayload(cycle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void buildsEventAndAckPacketsOfTheRightType() {
        Payload plain = JsonMapping.eventPayload("e", 1);
        Payload binary = JsonMapping.eventPayload("e", new byte[] {1});

        assertThat(plain.event("/", null).type())
                .isEqualTo(io.jsocketio.parser.SocketPacketType.EVENT);
        assertThat(binary.event("/x", 4L).type())
                .isEqualTo(io.jsocketio.parser.SocketPacketType.BINARY_EVENT);
        assertThat(plain.ack("/", 1).type()).isEqualTo(io.jsocketio.parser.SocketPacketType.ACK);
        assertThat(binary.ack("/", 1).type())
                .isEqualTo(io.jsocketio.parser.SocketPacketType.BINARY_ACK);
        assertThat(binary.event("/x", 4L).attachments()).hasSize(1);
    }
}
