package dev.failoverlab.agent.brain.fake;

import dev.failoverlab.agent.port.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand. */
public final class CapacityClock implements Clock {
    private Instant now;

    public CapacityClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
