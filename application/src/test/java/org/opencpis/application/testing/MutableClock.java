package org.opencpis.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test sets or advances it. */
public final class MutableClock extends Clock {
    private final ZoneId zone;
    private volatile Instant instant;

    public MutableClock(Instant instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    /** A UTC clock at {@code instant}, e.g. {@code "2025-03-10T10:00:00Z"}. */
    public static MutableClock at(String instant) {
        return new MutableClock(Instant.parse(instant), ZoneOffset.UTC);
    }

    public void set(Instant newInstant) {
        instant = newInstant;
    }

    public void advance(Duration duration) {
        instant = instant.plus(duration);
    }

    public void advanceDays(long days) {
        advance(Duration.ofDays(days));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(instant, newZone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
