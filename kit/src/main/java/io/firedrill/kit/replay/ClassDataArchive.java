package io.firedrill.kit.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A class-data sharing archive (AppCDS, JDK 17's dynamic archive) for one module of a cached build, kept beside
 * its jars: the first process of that module records every class it loaded ({@code -XX:ArchiveClassesAtExit}),
 * later ones map them ({@code -XX:SharedArchiveFile}) and skip most of the parsing and verification of a Spring
 * Boot start. Only how the kit starts the JVM changes; what the process does is the same.
 * <p>
 * Never a reason for a run to fail: the JVM ({@code -Xshare:auto}, its default) ignores an archive it cannot
 * use (another JVM, changed jars, a damaged header) and starts as without it. But JDK 17 dies of {@code SIGBUS}
 * on a cut-short archive, so the kit keeps each archive's size and checksum beside it and maps only one that
 * still matches; anything else is recorded again. An archive is kept only when the process that wrote it exited
 * by itself, and it moves into place in one step.
 */
final class ClassDataArchive {

	/** The JVM's exit code after {@code SIGKILL}: the archive it was writing may be cut short. */
	private static final int KILLED = 137;

	private final Path archive;

	private final Path recording;

	private ClassDataArchive(Path archive, Path recording) {
		this.archive = archive;
		this.recording = recording;
	}

	/**
	 * The archive of {@code module} in {@code buildDirectory}, for this JVM started with {@code jvmOptions}.
	 * @return none when the options already say how to share class data (the caller's choice wins)
	 */
	static ClassDataArchive of(Path buildDirectory, String module, List<String> jvmOptions) {
		if (jvmOptions.stream().anyMatch(ClassDataArchive::decidesSharing)) {
			return null;
		}
		Path archive = buildDirectory.resolve("cds").resolve(module + "-" + key(jvmOptions) + ".jsa");
		if (intact(archive)) {
			return new ClassDataArchive(archive, null);
		}
		removeAbandonedRecordings(archive.getParent());
		// one recording per process: two runs of a job may overlap, the first to finish provides the archive
		Path recording = archive.resolveSibling(
				archive.getFileName() + ".recording-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		return new ClassDataArchive(archive, recording);
	}

	/**
	 * What identifies an archive besides the build and the module: the JVM (an archive only maps into the JVM
	 * that wrote it) and the options it ran with (a different GC or JIT setting may make it unusable).
	 */
	static String key(List<String> jvmOptions) {
		String identity = System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n"
				+ String.join("\n", jvmOptions);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Whether the archive is the one its process wrote, to the last byte (size and CRC-32C). */
	static boolean intact(Path archive) {
		try {
			return Files.isRegularFile(archive)
					&& Files.readString(checksumFile(archive)).equals(checksum(archive));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path checksumFile(Path archive) {
		return archive.resolveSibling(archive.getFileName() + ".crc");
	}

	/** Size and CRC-32C: a 60 MB archive is read in some 30 ms, a small part of the start it saves. */
	private static String checksum(Path file) throws IOException {
		java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
		long size = 0;
		try (java.io.InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				crc.update(buffer, 0, read);
				size += read;
			}
		}
		return size + " " + Long.toHexString(crc.getValue());
	}

	/** Recordings left by a kit that was killed before its process ended: their writer is gone. */
	private static void removeAbandonedRecordings(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (java.util.stream.Stream<Path> files = Files.list(folder)) {
			files.filter((file) -> file.getFileName().toString().contains(".recording-")).toList().forEach((file) -> {
				String name = file.getFileName().toString();
				String pid = name.substring(name.indexOf(".recording-") + ".recording-".length()).split("-")[0];
				try {
					if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
						Files.deleteIfExists(file);
					}
				}
				catch (NumberFormatException | IOException ex) {
					// not ours to judge: left as it is
				}
			});
		}
		catch (IOException ex) {
			// cleaning is a courtesy
		}
	}

	private static boolean decidesSharing(String option) {
		return option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
				|| option.startsWith("-XX:ArchiveClassesAtExit");
	}

	/** Options to add to the command line, before {@code -jar}. */
	List<String> jvmOptions() {
		try {
			Files.createDirectories(this.archive.getParent());
		}
		catch (IOException ex) {
			return List.of(); // a read-only cache: run without an archive
		}
		if (this.recording != null) {
			return List.of("-XX:ArchiveClassesAtExit=" + this.recording);
		}
		return List.of("-XX:SharedArchiveFile=" + this.archive, "-Xshare:auto");
	}

	/** Whether this run records the archive rather than using it. */
	boolean records() {
		return this.recording != null;
	}

	Path archive() {
		return this.archive;
	}

	/**
	 * After the process has exited: keeps what it recorded as the module's archive, unless it was killed while
	 * writing it or another process was first.
	 */
	void settle(int exitCode) {
		if (this.recording == null) {
			return;
		}
		try {
			if (exitCode != KILLED && exitCode != -1 && Files.size(this.recording) > 0 && !intact(this.archive)) {
				Path sum = checksumFile(this.archive);
				Path sumRecording = sum.resolveSibling(this.recording.getFileName() + ".crc");
				Files.writeString(sumRecording, checksum(this.recording));
				Files.move(sumRecording, sum, StandardCopyOption.ATOMIC_MOVE);
				Files.move(this.recording, this.archive, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			// not written, or another process won the move: this run simply made no archive
		}
		finally {
			try {
				Files.deleteIfExists(this.recording);
			}
			catch (IOException ex) {
				// a stray recording costs disk space only
			}
		}
	}

}
