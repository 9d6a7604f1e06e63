package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.firedrill.kit.Folders;

/**
 * The hidden suites' helper modules (the support module and the modules suites {@code use}), built once for a
 * session and kept in the kit's memory: every suite's run used to compile them again. They are the kit's own code
 * and depend on no module of the candidate's, so one build serves every submission. Before each suite's run they
 * are written into the repository that run reads the candidate's modules from, which the run's fingerprint covers.
 * They are held in memory, not on disk, since the candidate's code runs as the same user as the kit and could
 * rewrite a file that the next candidate's suites would load.
 */
final class GradingSupport {

	/** None: the suites need no helper module. */
	static final GradingSupport NONE = new GradingSupport(Map.of());

	/** What the helpers' build installed, by path relative to the repository. */
	private final Map<String, byte[]> installed;

	private GradingSupport(Map<String, byte[]> installed) {
		this.installed = Collections.unmodifiableMap(new TreeMap<>(installed));
	}

	/**
	 * What a build of the helpers installed into {@code repository}: the files of each version folder of these
	 * artifacts ({@code group/artifact}; the folder's own metadata and anything else the build installed left out).
	 * @return empty if it installed none of them
	 */
	static Optional<GradingSupport> read(Path repository, List<String> artifactFolders) {
		Map<String, byte[]> files = new TreeMap<>();
		try {
			for (String artifact : artifactFolders) {
				Path folder = repository.resolve(artifact);
				if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
					continue;
				}
				try (Stream<Path> versions = Files.list(folder)) {
					for (Path version : versions.filter((path) -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
						.toList()) {
						try (Stream<Path> installed = Files.list(version)) {
							for (Path file : installed
								.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
								.toList()) {
								files.put(repository.relativize(file).toString(), Files.readAllBytes(file));
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files.isEmpty() ? Optional.empty() : Optional.of(new GradingSupport(files));
	}

	/** The files it holds, by path relative to a repository, sorted. */
	List<String> paths() {
		return List.copyOf(this.installed.keySet());
	}

	/**
	 * Writes the helpers' artifacts into a local repository as they were built, over whatever is in their place:
	 * their folders are emptied first, so that nothing a run left there is read next to them, and a link a run put
	 * on the way to them is removed (never followed), so that nothing is written or deleted outside the repository.
	 */
	void install(Path repository) {
		Map<Path, Map<Path, byte[]>> byFolder = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> file : this.installed.entrySet()) {
			Path path = repository.resolve(file.getKey()).normalize();
			byFolder.computeIfAbsent(path.getParent(), (key) -> new LinkedHashMap<>()).put(path, file.getValue());
		}
		try {
			for (Path folder : byFolder.keySet()) {
				Path step = repository;
				for (Path name : repository.relativize(folder)) {
					step = step.resolve(name);
					if (Files.isSymbolicLink(step) || Files.isRegularFile(step, LinkOption.NOFOLLOW_LINKS)) {
						Files.delete(step);
					}
				}
				Folders.deleteQuietly(folder);
			}
			for (Map.Entry<Path, Map<Path, byte[]>> folder : byFolder.entrySet()) {
				Files.createDirectories(folder.getKey());
				for (Map.Entry<Path, byte[]> file : folder.getValue().entrySet()) {
					Files.write(file.getKey(), file.getValue(), StandardOpenOption.CREATE_NEW);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
