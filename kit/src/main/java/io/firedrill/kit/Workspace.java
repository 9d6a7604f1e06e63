package io.firedrill.kit;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where the CLI runs: the firedrill clone it comes from (its "home", where the catalog and the shop are read)
 * and the directory it was started in (where relative paths given to a command start).
 * <p>
 * The home is, in this order: the {@value #HOME_PROPERTY} system property (the {@code firedrill} launcher sets
 * it), the clone holding {@code kit/target/firedrill.jar} when run from there, or the closest directory above
 * the current one that has a {@code kit/pom.xml}.
 */
public final class Workspace {

	public static final String HOME_PROPERTY = "firedrill.home";

	private static final String KIT_MARKER = "kit/pom.xml";

	private final Path cwd;

	private final Path home;

	private Workspace(Path cwd, Path home) {
		this.cwd = cwd.toAbsolutePath().normalize();
		this.home = (home != null) ? home.toAbsolutePath().normalize() : null;
	}

	/** The workspace of this JVM: its working directory and the home found as described above. */
	public static Workspace fromSystem() {
		Path cwd = Path.of(System.getProperty("user.dir"));
		String property = System.getProperty(HOME_PROPERTY);
		Path home = (property != null && !property.isBlank()) ? Path.of(property) : homeOfJar().orElse(null);
		return new Workspace(cwd, home);
	}

	/** A workspace with a known home, for tests and embedding. */
	public static Workspace of(Path home, Path cwd) {
		return new Workspace(cwd, home);
	}

	public Path cwd() {
		return this.cwd;
	}

	/**
	 * Opens the firedrill clone this CLI runs from.
	 * @throws FiredrillException (environment) when there is none
	 */
	public KitClone openKitClone() {
		Path root = (this.home != null) ? this.home : searchUpwards(this.cwd).orElse(null);
		if (root == null || !Files.isRegularFile(root.resolve(KIT_MARKER))) {
			throw FiredrillException.environment("not run from a firedrill clone"
					+ ((root != null) ? " (" + root + " has no " + KIT_MARKER + ")" : "")
					+ ": run ./firedrill at the root of a clone of the firedrill repository");
		}
		return KitClone.open(root);
	}

	private static Optional<Path> homeOfJar() {
		try {
			CodeSource source = Workspace.class.getProtectionDomain().getCodeSource();
			if (source == null) {
				return Optional.empty();
			}
			Path location = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
			// <home>/kit/target/firedrill.jar or <home>/kit/target/classes
			Path target = location.getParent();
			if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")
					&& target.getParent() != null && target.getParent().getFileName().toString().equals("kit")) {
				return Optional.ofNullable(target.getParent().getParent());
			}
			return Optional.empty();
		}
		catch (URISyntaxException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Path> searchUpwards(Path from) {
		for (Path dir = from; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(KIT_MARKER))) {
				return Optional.of(dir);
			}
		}
		return Optional.empty();
	}

}
