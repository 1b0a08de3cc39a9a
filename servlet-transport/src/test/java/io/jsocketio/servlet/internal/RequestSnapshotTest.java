package io.jsocketio.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestSnapshotTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EIO=4&transport=polling | {EIO=[4], transport=[polling]}",
                "b=2&a=1&b=3             | {b=[2, 3], a=[1]}",
                "x=a%20b&y=a+b           | {x=[a b], y=[a b]}",
                "flag&empty=             | {flag=[], empty=[]}",
                "&&t=1&                  | {t=[1]}",
                "bad=%zz&ok=%C3%A9       | {bad=[%zz], ok=[é]}",
                "k%3D=v%26w              | {k==[v&w]}",
            })
    void decodesQueriesInOrder(String query, String expected) {
        // a name without value, or with an empty one, holds the empty string
        assertThat(RequestSnapshot.decodeQuery(query).toString()).isEqualTo(expected);
    }

    @Test
    void decodesAnEmptyQueryToNothing() {
        assertThat(RequestSnapshot.decodeQuery("")).isEmpty();
    }

    @Test
    void mergesHeadersUnderLowerCaseNamesAndFreezesThem() {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put("X-Forwarded-For", new ArrayList<>(List.of("1.1.1.1")));
        raw.put("x-forwarded-for", new ArrayList<>(List.of("2.2.2.2")));
        raw.put("Origin", new ArrayList<>(List.of("http://a")));

        RequestSnapshot r =
                RequestSnapshot.of("get", "/p/", "", raw, new InetSocketAddress(0), true);
        raw.get("Origin").add("http://changed");

        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.headers())
                .containsExactly(
                        Map.entry("x-forwarded-for", List.of("1.1.1.1", "2.2.2.2")),
                        Map.entry("origin", List.of("http://a")));
        assertThat(r.secure()).isTrue();
        assertThatThrownBy(() -> r.headers().put("a", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.query().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "::1, true",
        "0:0:0:0:0:0:0:1, true",
        "host.example, false",
        "cafe.de, false",
    })
    void parsesIpLiteralsWithoutLookingUpNames(String host, boolean resolved) {
        InetSocketAddress a = RequestSnapshot.address(host, 4242);

        assertThat(a.isUnresolved()).isEqualTo(!resolved);
        assertThat(a.getPort()).isEqualTo(4242);
    }
}
