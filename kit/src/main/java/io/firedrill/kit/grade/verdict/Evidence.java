package io.firedrill.kit.grade.verdict;

/**
 * Why a criterion did not pass: the hidden test and what it said.
 *
 * @param test the test ({@code SimpleClass#method}), or {@code null} when the reason is not one test
 * @param message what was expected and what happened, in plain words
 */
public record Evidence(String test, String message) {
}
