/**
 * The incident catalog: {@code incidents/<id>/incident.yaml} and the patches it names, read from the clone's HEAD
 * and validated, plus the base release every incident applies to ({@code Catalog.BASE_TAG}). It depends only on
 * the root package; history, export and the commands build on it, never the other way round.
 */
package io.firedrill.kit.catalog;
