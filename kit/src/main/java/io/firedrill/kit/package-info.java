/**
 * The kit's ground floor, used by every other package: {@code ExitCode} and {@code FiredrillException}, the
 * clone the kit runs from ({@code KitClone}, {@code Workspace}), {@code Folders}, {@code Cleanup}, text made safe
 * for a terminal ({@code TerminalText}) or a page ({@code HtmlText}), and {@code Xml}, the one reader of XML that may
 * come from a stranger (POMs, settings, test reports). It depends on no other kit package (see
 * {@code KitArchitectureTests}).
 */
package io.firedrill.kit;
