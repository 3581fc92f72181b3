package org.mailledger.api.security;

/** A write's answer when there is nothing left to show: the log position of its last event. */
public record PositionView(long position) {}
