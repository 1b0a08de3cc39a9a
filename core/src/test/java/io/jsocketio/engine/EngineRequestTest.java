package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.FakeEngineRequest;
import org.junit.jupiter.api.Test;

/** The defaults of {@link EngineRequest}: cookies parsed, no user, no session. */
class EngineRequestTest {

    @Test
    void cookiesAreParsedFromEveryCookieHeaderFirstNameWinning() {
        EngineRequest req =
                FakeEngineRequest.get("/engine.io/")
                        .header("Cookie", "io=abc; JSESSIONID=\"s1\"; broken; =x")
                        .header("Cookie", "io=second; theme=dark%20blue");

        assertThat(req.cookies())
                .containsExactly(
                        java.util.Map.entry("io", "abc"),
                        java.util.Map.entry("JSESSIONID", "s1"),
                        java.util.Map.entry("theme", "dark%20blue"));
    }

    @Test
    void noCookieHeaderMeansNoCookies() {
        assertThat(FakeEngineRequest.get("/engine.io/").cookies()).isEmpty();
    }

    @Test
    void aRequestWithoutContainerSecurityHasNoUserNoRoleAndNoSession() {
        EngineRequest req = FakeEngineRequest.get("/engine.io/");
        assertThat(req.userPrincipal()).isEmpty();
        assertThat(req.isUserInRole("admin")).isFalse();
        assertThat(req.sessionId()).isEmpty();
    }
}
