package io.jsocketio.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.Args;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.parser.JsonText;
import io.jsocketio.parser.Placeholders;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketDecoder;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsImplTest {

    public record Chat(String user, String text) {}

    public record Upload(String name, byte[] content, List<byte[]> parts) {}

    public record Holder(ByteBuffer data) {}

    public record Loose(Object payload) {}

    public static final class Bean {
        private String title;
        private int pages;

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

    /** Decodes an event packet (text plus attachments) as a client would send it. */
    private static SocketPacket decode(String text, byte[]... attachments) {
        SocketPacketDecoder decoder = new SocketPacketDecoder();
        SocketPacket packet = decoder.add(EngineMessage.text(text));
        for (byte[] attachment : attachments) {
            packet = decoder.add(EngineMessage.binary(attachment));
        }
        return packet;
    }

    private static Args event(String text, byte[]... attachments) {
        return ArgsImpl.ofEvent(decode(text, attachments));
    }

    @Test
    void readsTheConformanceMessageArgumentsByIndex() {
        SocketPacket packet = decode("2[\"message\",1,\"2\",{\"3\":[true]}]");
        Args args = ArgsImpl.ofEvent(packet);

        assertThat(ArgsImpl.eventName(packet)).isEqualTo("message");
        assertThat(args.size()).isEqualTo(3);
        assertThat(args.isEmpty()).isFalse();
        assertThat(args.get(0, Integer.class)).isEqualTo(1);
        assertThat(args.get(0, int.class)).isEqualTo(1);
        assertThat(args.get(0, Long.class)).isEqualTo(1L);
        assertThat(args.get(1, String.class)).isEqualTo("2");
        assertThat(args.get(2, Map.class)).isEqualTo(Map.of("3", List.of(true)));
        assertThat(args.toList()).containsExactly(1, "2", Map.of("3", List.of(true)));
    }

    @Test
    void echoesArgumentsAsTheSameJson() {
        Args args = event("2[\"message\",1,\"2\",{\"3\":[true]},1.0,12345678901234567890]");

        Payload back = JsonMapping.eventPayload("message-back", args.toList().toArray());
        Payload raw = JsonMapping.toPayload(((ArgsImpl) args).toJsonArray());

        assertThat(JsonText.write(back.data()))
                .isEqualTo("[\"message-back\",1,\"2\",{\"3\":[true]},1,12345678901234567890]");
        assertThat(JsonText.write(raw.data().get(0)))
                .isEqualTo("[1,\"2\",{\"3\":[true]},1.0,12345678901234567890]");
    }

    @Test
    void readsBinaryArgumentsOfTheConformanceBinaryEvent() {
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5, 6};
        Args args =
                event(
                        "52-[\"message\",{\"_placeholder\":true,\"num\":0},"
                                + "{\"_placeholder\":true,\"num\":1}]",
                        first,
                        second);

        assertThat(args.isBinary(0)).isTrue();
        assertThat(args.binary(0)).isSameAs(first);
        assertThat(args.get(1, byte[].class)).isSameAs(second);
        assertThat(args.get(1, ByteBuffer.class).isReadOnly()).isTrue();
        assertThat(args.get(1, Object.class)).isSameAs(second);
        assertThat(args.json(0)).isEqualTo(Placeholders.of(0));
        assertThat(args.getString(0)).isEqualTo("{\"_placeholder\":true,\"num\":0}");
        assertThat(args.toList()).containsExactly(first, second);
    }

    @Test
    void resolvesBinaryValuesNestedInObjectsAndArrays() {
        byte[] a = {10};
        byte[] b = {20};
        Args args =
                event(
                        "52-[\"e\",{\"name\":\"n\",\"list\":[{\"_placeholder\":true,\"num\":1},"
                                + "{\"x\":{\"_placeholder\":true,\"num\":0}}]}]",
                        a,
                        b);

        assertThat(args.isBinary(0)).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) args.toList().get(0);
        assertThat(map).containsOnlyKeys("name", "list");
        List<?> list = (List<?>) map.get("list");
        assertThat(list.get(0)).isSameAs(b);
        assertThat(((Map<?, ?>) list.get(1)).get("x")).isSameAs(a);
        Type mapOfObjects = Types.MAP_OF_OBJECTS;
        Map<String, Object> typed = args.get(0, mapOfObjects);
        assertThat(((List<?>) typed.get("list")).get(0)).isSameAs(b);
    }

    @Test
    void mapsRecordsWithBinaryPropertiesFromPlaceholders() {
        byte[] content = {1, 2};
        byte[] part = {3};
        Args args =
                event(
                        "52-[\"upload\",{\"name\":\"f\",\"content\":{\"_placeholder\":true,\"num\":0},"
                                + "\"parts\":[{\"_placeholder\":true,\"num\":1}]},"
                                + "{\"data\":{\"_placeholder\":true,\"num\":1}}]",
                        content,
                        part);

        Upload upload = args.get(0, Upload.class);
        Holder holder = args.get(1, Holder.class);

        assertThat(upload.name()).isEqualTo("f");
        assertThat(upload.content()).isSameAs(content);
        assertThat(upload.parts()).containsExactly(part);
        assertThat(holder.data().remaining()).isEqualTo(1);
    }

    @Test
    void leavesPlaceholdersInUntypedRecordPropertiesAsObjects() {
        Args args =
                event("51-[\"e\",{\"payload\":{\"_placeholder\":true,\"num\":0}}]", new byte[] {1});

        Loose loose = args.get(0, Loose.class);

        assertThat(loose.payload()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) loose.payload()).containsKey("_placeholder")).isTrue();
    }

    @Test
    void mapsRecordsBeansAndGenericListsThroughJsonb() {
        Args args =
                event(
                        "2[\"chat\",{\"user\":\"ann\",\"text\":\"hi\",\"extra\":1},"
                                + "{\"title\":\"t\",\"pages\":3},"
                                + "[{\"user\":\"a\",\"text\":\"1\"},{\"user\":\"b\",\"text\":\"2\"}]]");

        assertThat(args.get(0, Chat.class)).isEqualTo(new Chat("ann", "hi"));
        Bean bean = args.get(1, Bean.class);
        assertThat(bean.getTitle()).isEqualTo("t");
        assertThat(bean.getPages()).isEqualTo(3);
        List<Chat> chats = args.get(2, Types.LIST_OF_CHATS);
        assertThat(chats).containsExactly(new Chat("a", "1"), new Chat("b", "2"));
    }

    @Test
    void givesJsonValuesAsTheyArrived() {
        Args args = event("2[\"e\",{\"b\":1,\"a\":[1.0]},\"s\",null]");

        assertThat(args.get(0, JsonValue.class)).isInstanceOf(JsonObject.class);
        assertThat(JsonText.write(args.get(0, JsonObject.class)))
                .isEqualTo("{\"b\":1,\"a\":[1.0]}");
        assertThat(args.get(1, JsonString.class).getString()).isEqualTo("s");
        assertThat(args.get(2, JsonValue.class)).isEqualTo(JsonValue.NULL);
        assertThat(args.json(0)).isSameAs(args.get(0, JsonValue.class));
        assertThatThrownBy(() -> args.get(1, JsonArray.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsNumbersToTheNarrowestExactJavaType() {
        Args args =
                event(
                        "2[\"n\",1,-2147483648,2147483648,12345678901234567890,1.5,1.0,0.1,"
                                + "1.23456789012345678901,1e3,-0,1e300,1e100000]");

        List<Object> list = args.toList();

        assertThat(list.get(0)).isEqualTo(1);
        assertThat(list.get(1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(list.get(2)).isEqualTo(2147483648L);
        assertThat(list.get(3)).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(list.get(4)).isEqualTo(1.5);
        assertThat(list.get(5)).isEqualTo(1.0);
        assertThat(list.get(6)).isEqualTo(0.1);
        assertThat(list.get(7)).isEqualTo(new BigDecimal("1.23456789012345678901"));
        assertThat(list.get(8)).isEqualTo(1000);
        assertThat(list.get(9)).isEqualTo(0);
        assertThat(list.get(10)).isEqualTo(BigInteger.TEN.pow(300));
        assertThat(list.get(11)).isEqualTo(new BigDecimal("1e100000"));
        assertThat(args.get(4, Double.class)).isEqualTo(1.5);
        assertThat(args.get(3, BigInteger.class)).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(args.getString(3)).isEqualTo("12345678901234567890");
    }

    @Test
    void givesNullForJsonNullAndRefusesItForPrimitives() {
        Args args = event("2[\"e\",null]");

        assertThat(args.get(0, String.class)).isNull();
        assertThat(args.get(0, Chat.class)).isNull();
        assertThat(args.getString(0)).isEqualTo("null");
        assertThat(args.toList()).containsExactly((Object) null);
        assertThatThrownBy(() -> args.get(0, int.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesValuesThatDoNotFitTheRequestedType() {
        Args args = event("2[\"e\",\"text\",{\"a\":1},[1]]");

        assertThatThrownBy(() -> args.get(0, Integer.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> args.get(1, List.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> args.get(2, Map.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> args.binary(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> args.get(0, byte[].class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesIndexesOutsideTheArguments() {
        Args args = event("2[\"e\",1]");

        assertThatThrownBy(() -> args.get(1, Object.class))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> args.isBinary(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void leavesPlaceholderLookingObjectsOfPlainPacketsAlone() {
        Args args = event("2[\"e\",{\"_placeholder\":true,\"num\":0}]");

        assertThat(args.isBinary(0)).isFalse();
        assertThat(args.toList()).containsExactly(Map.of("_placeholder", true, "num", 0));
    }

    @Test
    void readsAckArgumentsIncludingAnAckWithoutPayload() {
        Args ack = ArgsImpl.ofAck(decode("3456[1,\"2\",{\"3\":[false]}]"));
        Args none = ArgsImpl.ofAck(decode("35"));
        Args binary =
                ArgsImpl.ofAck(
                        decode("61-7[{\"_placeholder\":true,\"num\":0}]", new byte[] {1, 2}));

        assertThat(ack.toList()).containsExactly(1, "2", Map.of("3", List.of(false)));
        assertThat(none.isEmpty()).isTrue();
        assertThat(binary.binary(0)).containsExactly(1, 2);
    }

    @Test
    void namesEventsByStringOrNumber() {
        assertThat(ArgsImpl.eventName(decode("2[\"chat message\"]"))).isEqualTo("chat message");
        assertThat(ArgsImpl.eventName(decode("2[1]"))).isEqualTo("1");
        assertThat(ArgsImpl.ofEvent(decode("2[\"only\"]")).isEmpty()).isTrue();
    }

    @Test
    void keepsKeyOrderInMaps() {
        Args args = event("2[\"e\",{\"z\":1,\"a\":2,\"m\":3}]");

        @SuppressWarnings("unchecked")
        Map<String, Object> map = args.get(0, Map.class);

        assertThat(map.keySet()).containsExactly("z", "a", "m");
        assertThat(args.toString()).isEqualTo("Args[{\"z\":1,\"a\":2,\"m\":3}]");
    }
}
