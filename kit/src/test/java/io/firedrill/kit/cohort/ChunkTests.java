package io.firedrill.kit.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkTests {

	@Test
	void parsesIndexOverCount() {
		assertThat(Chunk.parse("3/256")).isEqualTo(new Chunk(3, 256));
		assertThat(Chunk.parse(" 0/1 ")).isEqualTo(Chunk.ALL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4/4", "-1/4", "1/0", "1", "1/2/3", "a/b", "", "1/", "/2" })
	void refusesWhatIsNotAChunk(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Chunk.parse(text)).withMessageContaining("INDEX/COUNT");
	}

	@Test
	void everyRowIsInExactlyOneChunkOfAMatrix() {
		int count = 7;
		for (int row = 0; row < 100; row++) {
			int current = row;
			assertThat(IntStream.range(0, count).filter((index) -> new Chunk(index, count).selects(current)).toArray())
				.containsExactly(row % count);
		}
	}

	@Test
	void anIndexedJobOfTheRostersSizeGradesOneRowPerPod() {
		int size = 20;
		for (int index = 0; index < size; index++) {
			int pod = index;
			assertThat(IntStream.range(0, size).filter((row) -> new Chunk(pod, size).selects(row)).toArray())
				.containsExactly(index);
		}
	}

}
