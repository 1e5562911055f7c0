package org.unionhub.platform.calendar;

/** Fired when a transaction changes the stored calendar; the in-memory one reloads after commit. */
public record CalendarChanged() {}
