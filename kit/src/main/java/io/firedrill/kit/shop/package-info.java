/**
 * The Acme Shop as data, read the same way by every command: for now what its hosts carry
 * ({@code deploy/runtime.properties}, {@link io.firedrill.kit.shop.HostRuntime}). It depends on the root package
 * only, so that every package that reads the shop can use it.
 */
package io.firedrill.kit.shop;
