package io.firedrill.kit.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RosterTests {

	@TempDir
	Path dir;

	private Path roster(String content) throws IOException {
		return Files.writeString(this.dir.resolve("roster.csv"), content, StandardCharsets.UTF_8);
	}

	@Test
	void readsEveryRowWithItsIndexRowAndRef() throws IOException {
		Roster roster = Roster.read(roster("""
				candidate,repository,ref
				alice,subs/alice,
				bob.b,"subs/bob, the second.bundle",fix-branch
				carol_3,https://example.com/carol.git,v1

				"""));

		assertThat(roster.entries()).containsExactly(new Roster.Entry(0, 2, "alice", "subs/alice", null),
				new Roster.Entry(1, 3, "bob.b", "subs/bob, the second.bundle", "fix-branch"),
				new Roster.Entry(2, 4, "carol_3", "https://example.com/carol.git", "v1"));
	}

	@Test
	void takesTheColumnsInAnyOrderWithoutRefAndAfterAByteOrderMark() throws IOException {
		Roster roster = Roster.read(roster("\uFEFFRepository, Candidate\r\nsubs/alice,alice\r\n"));

		assertThat(roster.entries()).containsExactly(new Roster.Entry(0, 2, "alice", "subs/alice", null));
	}

	static Stream<Arguments> badRosters() {
		return Stream.of(
				Arguments.of("candidate,repository,ref\nalice,a\nAlice,b\n", "row 3: candidate 'Alice' is already on row 2"),
				Arguments.of("candidate,repository,ref\n../x,a\n", "row 2: candidate '../x' is not an id"),
				Arguments.of("candidate,repository,ref\nal ice,a\n", "row 2: candidate 'al ice' is not an id"),
				Arguments.of("candidate,repository,ref\n.hidden,a\n", "row 2: candidate '.hidden' cannot name a folder"),
				Arguments.of("candidate,repository,ref\ncohort.html,a\n", "row 2: candidate 'cohort.html' cannot name a folder"),
				Arguments.of("candidate,repository,ref\n,a\n", "row 2: no candidate id"),
				Arguments.of("candidate,repository,ref\nalice,\n", "row 2: candidate 'alice' has no repository"),
				Arguments.of("candidate,repository,ref\nalice,a,b,c\n", "row 2: 4 fields, the header has 3"),
				Arguments.of("candidate,repo\nalice,a\n", "row 1: unknown column 'repo'"),
				Arguments.of("candidate,ref\nalice,a\n", "row 1: the header must name the columns candidate and repository"),
				Arguments.of("candidate,repository\n", "has a header and no candidate"),
				Arguments.of("", "is empty"),
				Arguments.of("candidate,repository\nalice,\"a\nbob,b\n", "is not CSV"));
	}

	@ParameterizedTest
	@MethodSource("badRosters")
	void aBadRosterIsAnInputErrorNamingTheFileTheRowAndTheProblem(String content, String problem) throws IOException {
		Path file = roster(content);

		assertThatExceptionOfType(FiredrillException.class).isThrownBy(() -> Roster.read(file))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
			.withMessageStartingWith("roster " + file)
			.withMessageContaining(problem);
	}

	@Test
	void aCandidateIdLongerThanSixtyFourCharactersIsRefused() throws IOException {
		Path file = roster("candidate,repository\n" + "a".repeat(65) + ",x\n");

		assertThatExceptionOfType(FiredrillException.class).isThrownBy(() -> Roster.read(file))
			.withMessageContaining("row 2").withMessageContaining("is not an id of 1 to 64");
	}

	@Test
	void aMissingRosterIsAnInputError() {
		assertThatExceptionOfType(FiredrillException.class).isThrownBy(() -> Roster.read(this.dir.resolve("none.csv")))
			.withMessageContaining("none.csv does not exist");
	}

	@Test
	void aChunkTakesTheRowsWhoseIndexModuloCountIsItsIndex() throws IOException {
		Roster roster = Roster.read(roster("candidate,repository\na,x\nb,x\nc,x\nd,x\ne,x\n"));

		assertThat(roster.chunk(new Chunk(1, 2))).extracting(Roster.Entry::candidate).containsExactly("b", "d");
		assertThat(roster.chunk(new Chunk(0, 2))).extracting(Roster.Entry::candidate).containsExactly("a", "c", "e");
		assertThat(roster.chunk(Chunk.ALL)).hasSize(5);
		assertThat(roster.chunk(new Chunk(3, 5))).extracting(Roster.Entry::candidate).containsExactly("d");
		assertThat(roster.chunk(new Chunk(6, 8))).isEmpty();
	}

}
