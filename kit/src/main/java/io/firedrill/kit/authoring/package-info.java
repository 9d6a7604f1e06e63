/**
 * Authoring incidents: {@code new-incident} turns commits made on the shop into an incident folder of the catalog
 * (its patch series, templates of its brief and notes, its reference fix, scaffolds of new hidden suites), and
 * {@code check-incident} proves one incident the way an author can act on (useless hidden tests, leaks, spoilers).
 */
package io.firedrill.kit.authoring;
