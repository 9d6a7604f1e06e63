package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.shop.HostRuntime;
import io.firedrill.kit.shop.ShopBuild;
import io.firedrill.kit.shop.ShopModules;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The runnable jars of a shop release, built once and kept in a cache keyed by the release's tree id (the same
 * tree always gives the same jars, whatever commit or tag points to it).
 * <p>
 * A build writes the tree into a temporary folder and runs {@code ./mvnw -o -B -q package -DskipTests} there
 * (offline first; online if the offline build fails). The cache keeps only what a host needs: each module's
 * {@code -exec.jar}, the payment SDK that the release's {@code deploy/runtime.properties} installs, and that
 * file.
 */
public final class ShopBuilds {

	private static final String MARKER = "build.properties";

	private final Path cache;

	public ShopBuilds(Path cache) {
		this.cache = cache;
	}

	/** {@code $FIREDRILL_CACHE}, else {@code $XDG_CACHE_HOME/firedrill}, else {@code ~/.cache/firedrill}. */
	public static Path defaultCache() {
		String explicit = System.getenv("FIREDRILL_CACHE");
		if (explicit != null && !explicit.isBlank()) {
			return Path.of(explicit);
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("firedrill");
	}

	/**
	 * A built release.
	 * @param directory the cache entry
	 * @param tree the release's tree id
	 * @param sdkVersion the payment SDK its hosts run ({@code deploy/runtime.properties})
	 * @param cached whether it came from the cache
	 * @param buildTime how long the build took when it was made
	 */
	public record Build(Path directory, String tree, String sdkVersion, boolean cached, Duration buildTime) {

		Path jar(String module) {
			return this.directory.resolve(module + ".jar");
		}

		/** Whether the release has this job: a runnable module of that name, which handles {@code --run-once}. */
		public boolean hasJob(String job) {
			return Files.isRegularFile(jar(job));
		}

		/** The SDK the hosts carry, for {@code -Dloader.path}. */
		Path sdk() {
			return this.directory.resolve("payment-sdk.jar");
		}

	}

	/** The build of {@code commit}'s tree, from the cache or built now (progress goes to {@code progress}). */
	public Build get(Repository repository, RevCommit commit, String label, Consumer<String> progress) {
		String tree = commit.getTree().name();
		Path entry = this.cache.resolve("builds").resolve(tree);
		if (Files.isRegularFile(entry.resolve(MARKER))) {
			Properties marker = read(entry.resolve(MARKER));
			return new Build(entry, tree, marker.getProperty("sdk.version"), true,
					Duration.ofMillis(Long.parseLong(marker.getProperty("build.millis", "0"))));
		}
		progress.accept("building " + label + " (tree " + tree.substring(0, 10) + ", not in " + this.cache
				+ "): ./mvnw -o -B -q package -DskipTests, about a minute");
		long start = System.nanoTime();
		Path work = null;
		try {
			Files.createDirectories(entry.getParent());
			work = Files.createTempDirectory(entry.getParent(), "." + tree.substring(0, 10) + "-");
			Path source = work.resolve("src");
			materialise(repository, commit, source);
			Path log = work.resolve("build.log");
			if (!ShopBuild.packageShop(source, List.of(), log).succeeded()) {
				Path kept = this.cache.resolve("builds").resolve(tree + ".failed.log");
				Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
				throw new FiredrillException(ExitCode.SHOP, "cannot build " + label + " (Maven output in " + kept + ")");
			}
			Path staged = work.resolve("jars");
			Files.createDirectories(staged);
			stageRunnableJars(source, staged);
			HostRuntime runtime;
			try {
				runtime = HostRuntime.read(source);
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause(); // an unreadable file: reported below as this build's failure, with its label
			}
			String sdkVersion = runtime.paymentSdk()
				.orElseThrow(() -> new IOException(HostRuntime.FILE + " has no payment-sdk.version"));
			Files.copy(runtime.builtPaymentSdk(source)
				.orElseThrow(() -> new IOException("no payment-sdk-" + sdkVersion + ".jar built (" + HostRuntime.FILE + ")")),
					staged.resolve("payment-sdk.jar"));
			Files.copy(source.resolve(HostRuntime.FILE), staged.resolve("runtime.properties"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			Properties marker = new Properties();
			marker.setProperty("tree", tree);
			marker.setProperty("commit", commit.name());
			marker.setProperty("label", label);
			marker.setProperty("sdk.version", sdkVersion);
			marker.setProperty("build.millis", Long.toString(took.toMillis()));
			try (OutputStream out = Files.newOutputStream(staged.resolve(MARKER))) {
				marker.store(out, "firedrill replay build cache entry");
			}
			try {
				Files.move(staged, entry, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				if (!Files.isRegularFile(entry.resolve(MARKER))) { // not a concurrent build that won
					throw ex;
				}
			}
			progress.accept(String.format("built %s in %d s", label, took.toSeconds()));
			return new Build(entry, tree, sdkVersion, false, took);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot build " + label + " in " + this.cache, ex);
		}
		finally {
			Folders.deleteQuietly(work);
		}
	}

	/**
	 * Keeps what a host runs: the runnable jar ({@code -exec.jar}) of every module that built one, as
	 * {@code <module>.jar}. The modules are found, not listed; a job without one fails the build, since the
	 * schedule would start it.
	 */
	static void stageRunnableJars(Path source, Path staged) throws IOException {
		List<ShopModules.Module> jobs = ShopModules.jobs(source);
		for (ShopModules.Module module : ShopModules.below(source)) {
			Optional<Path> jar = execJar(module.in(source));
			if (jar.isEmpty() && jobs.contains(module)) {
				throw new IOException("no runnable jar in " + module.in(source).resolve("target") + " for the job "
						+ module.dir());
			}
			if (jar.isPresent()) {
				Files.copy(jar.get(), staged.resolve(module.dir().replace('/', '-') + ".jar"));
			}
		}
	}

	/** Writes the commit's tree into {@code directory}, with executable bits and symbolic links. */
	static void materialise(Repository repository, RevCommit commit, Path directory) throws IOException {
		Files.createDirectories(directory);
		try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
			walk.addTree(commit.getTree());
			walk.setRecursive(true);
			while (walk.next()) {
				Path file = directory.resolve(walk.getPathString()).normalize();
				if (!file.startsWith(directory)) {
					throw new IOException("path leaves the tree: " + walk.getPathString());
				}
				Files.createDirectories(file.getParent());
				FileMode mode = walk.getFileMode(0);
				byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
				if (mode == FileMode.SYMLINK) {
					Files.createSymbolicLink(file, Path.of(new String(content, StandardCharsets.UTF_8)));
				}
				else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
					Files.write(file, content);
					if (mode == FileMode.EXECUTABLE_FILE) {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
	}

	private static Optional<Path> execJar(Path module) throws IOException {
		if (!Files.isDirectory(module.resolve("target"))) {
			return Optional.empty();
		}
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(module.resolve("target"), "*-exec.jar")) {
			for (Path jar : jars) {
				return Optional.of(jar);
			}
		}
		return Optional.empty();
	}

	private static Properties read(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
