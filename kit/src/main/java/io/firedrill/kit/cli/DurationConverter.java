package io.firedrill.kit.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 20m}, {@code 90s}, {@code 1h30m}: a duration as people write it on a command line. */
final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

	@Override
	public Duration convert(String value) {
		return parse(value);
	}

	static Duration parse(String value) {
		String text = value.strip();
		Matcher matcher = DURATION.matcher(text);
		if (text.isEmpty() || !matcher.matches()) {
			throw new TypeConversionException("'" + value + "' is not a duration such as 20m, 90s or 1h30m");
		}
		Duration duration = Duration.ofHours(group(matcher, 1))
			.plusMinutes(group(matcher, 2))
			.plusSeconds(group(matcher, 3));
		if (duration.isZero()) {
			throw new TypeConversionException("'" + value + "' is not a positive duration");
		}
		return duration;
	}

	private static long group(Matcher matcher, int group) {
		return (matcher.group(group) != null) ? Long.parseLong(matcher.group(group)) : 0;
	}

}
