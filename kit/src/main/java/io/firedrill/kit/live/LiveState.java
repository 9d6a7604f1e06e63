package io.firedrill.kit.live;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The state file of a live session ({@value #FILE} in its output folder): how {@code live deploy}, {@code rollback},
 * {@code status} and {@code stop} find the session's loopback port. The token keeps other local programs (a web
 * page open in the interviewer's browser, say) from deploying: the control endpoints want it, and only who can read
 * the output folder has it.
 *
 * @param pid the session's process id
 * @param port the loopback port of the dashboard and of the control endpoints
 * @param token the secret the control endpoints want
 * @param incident what the session started with
 */
public record LiveState(long pid, int port, String token, String incident) {

	public static final String FILE = "live.properties";

	public String dashboard() {
		return "http://127.0.0.1:" + this.port + "/";
	}

	/** The file's text. */
	public String format() {
		Properties properties = new Properties();
		properties.setProperty("pid", Long.toString(this.pid));
		properties.setProperty("port", Integer.toString(this.port));
		properties.setProperty("token", this.token);
		properties.setProperty("incident", this.incident);
		StringWriter text = new StringWriter();
		try {
			properties.store(text, "firedrill live session; deleted when the session ends");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/**
	 * Reads a state file's text.
	 * @throws IllegalArgumentException naming what is missing or malformed
	 */
	public static LiveState parse(String text) {
		Properties properties = new Properties();
		try (Reader reader = new StringReader(text)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String pid = properties.getProperty("pid");
		String port = properties.getProperty("port");
		String token = properties.getProperty("token");
		if (pid == null || port == null || token == null || token.isBlank()) {
			throw new IllegalArgumentException("needs pid, port and token");
		}
		try {
			int number = Integer.parseInt(port.strip());
			if (number < 1 || number > 65535) {
				throw new IllegalArgumentException("port " + port + " is not a TCP port");
			}
			return new LiveState(Long.parseLong(pid.strip()), number, token.strip(),
					properties.getProperty("incident", "?"));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("pid and port must be numbers", ex);
		}
	}

	/** Writes the file atomically, readable by its owner only (it holds the token). */
	public void write(Path out) throws IOException {
		Path temporary = out.resolve(FILE + ".tmp");
		Files.writeString(temporary, format());
		try {
			Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the folder's own permissions protect it
		}
		Files.move(temporary, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The state of the session in {@code out}, if it has one.
	 * @throws IllegalArgumentException if the file is there but unreadable as a state file
	 */
	public static Optional<LiveState> read(Path out) throws IOException {
		try {
			return Optional.of(parse(Files.readString(out.resolve(FILE))));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

}
