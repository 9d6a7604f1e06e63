package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.catalog.Criteria;

class GradingSessionTests {

	static final Criteria TWO_SUITES_SHARING_A_MODULE = Criteria.parse("""
			support: support
			criteria:
			  - id: flag-off
			    module: flag-gated-backend
			    uses: [flag-paths]
			    tests: [x.A#one]
			  - id: flag-on
			    module: flag-gated-frontend
			    uses: [flag-paths]
			    tests: [x.B#one]
			""".getBytes(StandardCharsets.UTF_8));

	@Test
	void eachModuleOfTheHiddenSuitesIsCopiedOnceHoweverManyCriteriaBuildIt() {
		List<String> copies = new ArrayList<>();

		GradingSession.copySuiteModules(TWO_SUITES_SHARING_A_MODULE, TWO_SUITES_SHARING_A_MODULE.all(),
				(module) -> copies.add(module), Path.of("kit"));

		assertThat(copies).containsExactly("support", "flag-paths", "flag-gated-backend", "flag-gated-frontend");
	}

	@Test
	void aSuiteTheKitLacksANeededModuleOfIsNamedWithThatModuleAndTheOthersStillCopied() {
		List<String> copies = new ArrayList<>();

		assertThat(GradingSession.copySuiteModules(TWO_SUITES_SHARING_A_MODULE, TWO_SUITES_SHARING_A_MODULE.all(),
				(module) -> copies.add(module) && !module.equals("flag-gated-frontend"), Path.of("kit")))
			.containsExactly(Map.entry("flag-on", "flag-gated-frontend"));
		assertThat(copies).containsExactly("support", "flag-paths", "flag-gated-backend", "flag-gated-frontend");
	}

	@Test
	void aKitWithoutTheSupportModuleCannotGradeAtAll() {
		assertThatExceptionOfType(FiredrillException.class)
			.isThrownBy(() -> GradingSession.copySuiteModules(TWO_SUITES_SHARING_A_MODULE,
					TWO_SUITES_SHARING_A_MODULE.all(), (module) -> !module.equals("support"), Path.of("kit")))
			.withMessage("grading/support (the hidden suites' support module) is not in the HEAD commit of kit");
	}

}
