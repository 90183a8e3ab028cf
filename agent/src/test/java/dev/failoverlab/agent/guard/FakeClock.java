package dev.failoverlab.agent.guard;

import dev.failoverlab.agent.port.Clock;
import java.time.Duration;
import java.time.Instant;

/** Time that moves only when the test says so. */
final class FakeClock implements Clock {
    private Instant now;

    FakeClock(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant now() {
        return now;
    }
}
