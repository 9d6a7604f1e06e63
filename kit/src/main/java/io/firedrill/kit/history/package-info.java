/**
 * The shop's git history as the kit writes it: the base commit, one commit per PR, the release cut, the brief and
 * the tags, all from fixed identities and dates ({@code ShopRelease}). It depends on the catalog and the root
 * package only, not on export, grade or the commands that use it.
 */
package io.firedrill.kit.history;
