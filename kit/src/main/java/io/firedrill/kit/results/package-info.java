/**
 * The kit's results in the formats other tools read: a scorecard as JUnit XML, Gradescope's {@code results.json},
 * GitHub Classroom's reporter input and a job summary ({@link io.firedrill.kit.results.ResultFiles}), and the
 * guardrails' findings as SARIF ({@link io.firedrill.kit.results.GuardrailsSarif}). It reads grade's and the
 * guardrails' models and owns no meaning of its own: a voided card scores 0 and a criterion not graded is not a pass
 * in every format, as in {@code scorecard.md}. It depends on grade's card and verdict, guardrails and the root
 * package; only the command line calls it.
 */
package io.firedrill.kit.results;
