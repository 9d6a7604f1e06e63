/**
 * {@code firedrill live}: the incident running for a pair interview. {@link io.firedrill.kit.live.LiveSession}
 * runs the shop with the replay's hosts, builds and customers ({@code io.firedrill.kit.replay}) on a compressed
 * clock that never ends, serves the dashboard and the control endpoints on one loopback port, and deploys or rolls
 * back on the same database when asked. {@link io.firedrill.kit.live.MinuteStats} turns the service's own scrapes
 * into the dashboard's figures, the incident's story (catalog ReplayFacts.Live) says when the jobs fire, and
 * {@link io.firedrill.kit.live.LiveState} is the state file through which the other commands find the session.
 */
package io.firedrill.kit.live;
