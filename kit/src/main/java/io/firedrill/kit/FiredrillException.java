package io.firedrill.kit;

/**
 * A failure the user can act on: its message is printed as one line ({@code firedrill: <message>}) and the
 * command exits with its {@link ExitCode}.
 */
public class FiredrillException extends RuntimeException {

	private final ExitCode exitCode;

	public FiredrillException(ExitCode exitCode, String message) {
		this(exitCode, message, null);
	}

	public FiredrillException(ExitCode exitCode, String message, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	/** The input cannot be used: unknown incident, output directory not empty, corrupt catalog... */
	public static FiredrillException input(String message) {
		return new FiredrillException(ExitCode.INPUT, message);
	}

	public static FiredrillException input(String message, Throwable cause) {
		return new FiredrillException(ExitCode.INPUT, message, cause);
	}

	/** Something firedrill needs around it is missing: its clone, the catalog. */
	public static FiredrillException environment(String message) {
		return new FiredrillException(ExitCode.ENVIRONMENT, message);
	}

	/** A patch of an incident no longer applies to the shop. */
	public static FiredrillException patch(String message) {
		return new FiredrillException(ExitCode.PATCH, message);
	}

	public static FiredrillException patch(String message, Throwable cause) {
		return new FiredrillException(ExitCode.PATCH, message, cause);
	}

	public ExitCode exitCode() {
		return this.exitCode;
	}

}
