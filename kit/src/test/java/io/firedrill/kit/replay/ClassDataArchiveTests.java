package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTests {

	private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	@TempDir
	Path build;

	private Path jar;

	@BeforeEach
	void buildAJarLikeACachedModule() throws IOException {
		// CDS archives classes from jars only, as the hosts run them (-jar)
		this.jar = this.build.resolve("tiny.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ClassDataArchiveMain.class.getName());
		String entry = ClassDataArchiveMain.class.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(this.jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream in = ClassDataArchiveMain.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			in.transferTo(out);
			out.closeEntry();
		}
	}

	@Test
	void theFirstRunRecordsTheArchiveAndTheNextRunMapsItsClasses() throws Exception {
		ClassDataArchive first = ClassDataArchive.of(this.build, "tiny", OPTIONS);
		assertThat(first.records()).isTrue();
		Run recording = run(first.jvmOptions());
		assertThat(recording.exitCode()).isZero();
		first.settle(recording.exitCode());
		assertThat(first.archive()).isRegularFile();

		ClassDataArchive next = ClassDataArchive.of(this.build, "tiny", OPTIONS);
		assertThat(next.records()).isFalse();
		List<String> options = new ArrayList<>(next.jvmOptions());
		options.add("-Xlog:class+load=info");
		Run mapped = run(options);
		assertThat(mapped.exitCode()).isZero();
		assertThat(mapped.output()).contains(ClassDataArchiveMain.class.getName() + " source: shared objects file");
		try (var files = Files.list(first.archive().getParent())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(
					first.archive().getFileName().toString(), first.archive().getFileName() + ".crc");
		}
	}

	@Test
	void aDamagedArchiveIsNotMappedTheProcessStartsAndRecordsItAgain() throws Exception {
		ClassDataArchive recorder = ClassDataArchive.of(this.build, "tiny", OPTIONS);
		recorder.settle(run(recorder.jvmOptions()).exitCode());
		byte[] whole = Files.readAllBytes(recorder.archive());

		// cut short (JDK 17 would die of SIGBUS mapping it), then not an archive at all
		for (byte[] damaged : List.of(java.util.Arrays.copyOf(whole, whole.length / 3),
				"not an archive".getBytes(StandardCharsets.UTF_8))) {
			Files.write(recorder.archive(), damaged);
			ClassDataArchive archive = ClassDataArchive.of(this.build, "tiny", OPTIONS);
			assertThat(archive.records()).isTrue();
			Run run = run(archive.jvmOptions());
			assertThat(run.exitCode()).isZero();
			assertThat(run.output()).contains("started with 0 arguments");
			archive.settle(run.exitCode());
			assertThat(ClassDataArchive.intact(archive.archive())).isTrue();
		}
	}

	@Test
	void anArchiveMadeForOtherJvmOptionsIsNotUsed() throws Exception {
		ClassDataArchive serial = ClassDataArchive.of(this.build, "tiny", OPTIONS);
		serial.settle(run(serial.jvmOptions()).exitCode());

		ClassDataArchive other = ClassDataArchive.of(this.build, "tiny", List.of("-XX:+UseParallelGC"));
		assertThat(other.records()).isTrue();
		assertThat(other.archive()).isNotEqualTo(serial.archive());
		assertThat(ClassDataArchive.key(OPTIONS)).isEqualTo(ClassDataArchive.key(List.copyOf(OPTIONS)));
	}

	@Test
	void aRecordingCutShortBySigkillIsNotKept() throws Exception {
		ClassDataArchive archive = ClassDataArchive.of(this.build, "tiny", OPTIONS);
		run(archive.jvmOptions());
		archive.settle(137);
		assertThat(archive.archive()).doesNotExist();
		try (var files = Files.list(archive.archive().getParent())) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void optionsThatAlreadySayHowToShareClassDataWin() {
		assertThat(ClassDataArchive.of(this.build, "tiny", List.of("-Xshare:off"))).isNull();
		assertThat(ClassDataArchive.of(this.build, "tiny", List.of("-XX:SharedArchiveFile=/elsewhere.jsa"))).isNull();
	}

	private Run run(List<String> classDataOptions) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(ShopHost.javaCommand());
		command.addAll(OPTIONS);
		command.addAll(classDataOptions);
		command.addAll(List.of("-jar", this.jar.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private record Run(int exitCode, String output) {
	}

}
