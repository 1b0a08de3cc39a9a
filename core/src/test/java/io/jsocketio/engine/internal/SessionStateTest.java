package io.jsocketio.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStateTest {

    private static Set<SessionState> legalAfter(SessionState s) {
        return switch (s) {
            case OPENING -> EnumSet.of(SessionState.OPEN, SessionState.CLOSED);
            case OPEN ->
                    EnumSet.of(SessionState.UPGRADING, SessionState.CLOSING, SessionState.CLOSED);
            case UPGRADING ->
                    EnumSet.of(SessionState.OPEN, SessionState.CLOSING, SessionState.CLOSED);
            case CLOSING -> EnumSet.of(SessionState.CLOSED);
            case CLOSED -> EnumSet.noneOf(SessionState.class);
        };
    }

    @ParameterizedTest
    @EnumSource(SessionState.class)
    void onlyTheDocumentedTransitionsAreLegal(SessionState from) {
        for (SessionState to : SessionState.values()) {
            assertThat(from.canTransitionTo(to))
                    .as(from + " -> " + to)
                    .isEqualTo(legalAfter(from).contains(to));
        }
    }

    @ParameterizedTest
    @EnumSource(SessionState.class)
    void onlyOpenAndUpgradingCarryPackets(SessionState s) {
        assertThat(s.isOpen()).isEqualTo(s == SessionState.OPEN || s == SessionState.UPGRADING);
    }
}
