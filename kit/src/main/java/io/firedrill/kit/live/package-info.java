/**
 * {@code firedrill live}: the incident running for a pair interview. {@link io.firedrill.kit.live.LiveSession}
 * runs the shop with the replay's hosts, builds and customers ({@code io.firedrill.kit.replay}) on a compressed
 * clock that never ends, serves the dashboard and the control endpoints on one loopback port, and deploys or rolls
 * back on the same database when asked. {@link io.firedrill.kit.live.MinuteStats} turns the service's own scrapes
 * into the dashboard's figures, the incident's story (catalog ReplayFacts.Live) says when the jobs fire, and
 * {@link io.firedrill.kit.live.LiveState} is the state file through which the other commands find the session.
 * LiveEndpoints is the HTTP side, LiveReleases names what a deploy installs, ErrorLines reads the logs' tails.
 * <p>
 * LiveSession stays near 500 lines on purpose: it is one lifecycle (start, the traffic thread, installs, the jobs,
 * close) over state that three threads share under one lock, and splitting that state across classes would hide
 * which thread may touch what.
 */
package io.firedrill.kit.live;
