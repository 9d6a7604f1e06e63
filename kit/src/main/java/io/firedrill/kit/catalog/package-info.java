/**
 * The incident catalog: {@code incidents/<id>/incident.yaml} and the patches it names, read from the clone's HEAD
 * and validated, plus the base release every incident applies to ({@code Catalog.BASE_TAG}). It depends only on
 * the root package; history, export and the commands build on it, never the other way round.
 * <p>
 * It also owns each incident's replay story ({@link io.firedrill.kit.catalog.ReplayFacts}, the {@code replay:} block
 * over {@code incidents/replay.yaml}) and the figures a replay must show ({@link io.firedrill.kit.catalog.Expectation}).
 * The split with the kit's options: what the story tells is data here (the deploy's date and time, the window
 * on-call looked at, the customers' traffic and its seed, the gateway's answer time, the rows seeded before the
 * traffic, when each job runs and why, live mode's start and schedule, the expected figures); a different value is
 * a different incident. What only changes how this machine plays the story stays a kit option of
 * {@code replay}/{@code live} (the wall time of a simulated minute, the in-flight limit, the unmeasured warm-up
 * sessions, the service's JVM options): the same incident, played faster or more faithfully. The traffic's shape
 * ({@code replay.TrafficModel}: the share of carts over $50, of customers viewing their order or asking a refund)
 * is the shop's customers, the same in every incident so far, and stays with the model until an incident needs
 * other customers.
 */
package io.firedrill.kit.catalog;
