package io.firedrill.kit.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/**
 * {@code --timeout}: the bound of one grading run (one submission's build and hidden suites, sealed), the same for
 * every command that grades: grade, cohort, demo, prove, check-incident.
 */
final class GradingTimeout {

	@Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20m", converter = DurationConverter.class,
			description = "Bound of each grading run (one submission's build and suites), e.g. 20m, 1h (default: ${DEFAULT-VALUE}).")
	Duration value;

}
