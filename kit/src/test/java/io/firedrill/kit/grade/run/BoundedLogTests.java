package io.firedrill.kit.grade.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's output is the candidate's to fill: the log keeps its start and its end, and says what it left out. */
class BoundedLogTests {

	@Test
	void outputWithinTheBoundIsCopiedAsWritten() throws IOException {
		String output = "[INFO] Scanning for projects...\n[INFO] BUILD SUCCESS\n";

		assertThat(copied(output, 100, 20)).isEqualTo(output);
	}

	@Test
	void endlessOutputKeepsItsStartAndItsLastWholeLinesAndSaysHowMuchWasLeftOut() throws IOException {
		String output = "head line\n" + "spam\n".repeat(1000) + "[INFO] BUILD SUCCESS\n";

		String log = copied(output, 10, 25);

		assertThat(log).startsWith("head line\n")
			.endsWith("\n" + BoundedLog.CUT + (output.length() - 10 - "[INFO] BUILD SUCCESS\n".length())
					+ " bytes left out here ----\n[INFO] BUILD SUCCESS\n")
			.hasSizeLessThan(10 + 25 + 60);
	}

	@Test
	void readingALogCutsEachLineAndNeverFailsOnBrokenBytes(@TempDir Path dir) throws IOException {
		Path log = dir.resolve("build.log");
		byte[] broken = { (byte) 0xC3, (byte) 0x28, '\n' };
		Files.write(log, ("x".repeat(BuildLog.LINE_LIMIT * 3) + "\n").getBytes(StandardCharsets.UTF_8));
		Files.write(log, broken, java.nio.file.StandardOpenOption.APPEND);

		assertThat(BoundedLog.readLines(log)).hasSize(2)
			.first().satisfies((line) -> assertThat(line).hasSize(BuildLog.LINE_LIMIT));
		assertThat(BoundedLog.readLines(dir.resolve("missing.log"))).isEmpty();
	}

	private static String copied(String output, int head, int tail) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BoundedLog.copy(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), out, head, tail);
		return out.toString(StandardCharsets.UTF_8);
	}

}
