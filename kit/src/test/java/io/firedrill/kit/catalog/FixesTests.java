package io.firedrill.kit.catalog;

import static io.firedrill.kit.support.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.grade.FixCommits;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixesTests {

	static final Incident INCIDENT = CriteriaTests.incident(List.of("flag-gated-backend", "release-2.4.0"));

	static final List<Criterion> CRITERIA = List.of(
			new Criterion("flag-gated-backend", "g", 10, "flag-gated-backend", List.of(), null, List.of("a.B#c"), null, List.of()),
			new Criterion("release-2.4.0", "r", 5, null, List.of(), null, List.of(), null, List.of("flag-gated-backend")));

	final Map<String, byte[]> files = new HashMap<>();

	@Test
	void readsEachFixWithItsPatchAndExpectedVerdicts() {
		write("fixes.yaml", """
				fixes:
				  - id: gate-in-service
				    kind: accepted
				    description: "Gate discount handling in CheckoutService with FeatureFlags, per customer"
				    patch: gate-in-service.patch
				    expect:
				      flag-gated-backend: pass
				      release-2.4.0: fail
				  - id: null-check
				    kind: wrong
				    reference: false
				    patch: null-check.patch
				    expect: {flag-gated-backend: partial, release-2.4.0: fail}
				""");
		write("gate-in-service.patch", "patch 1");
		write("null-check.patch", "patch 2");

		List<Fix> fixes = read().orElseThrow();

		assertThat(fixes).extracting(Fix::id, Fix::kind).containsExactly(
				org.assertj.core.groups.Tuple.tuple("gate-in-service", Fix.Kind.ACCEPTED),
				org.assertj.core.groups.Tuple.tuple("null-check", Fix.Kind.WRONG));
		assertThat(fixes.get(0).patchPath()).isEqualTo("incidents/ungated-discount/fixes/gate-in-service.patch");
		assertThat(fixes.get(0).patch()).asString(StandardCharsets.UTF_8).isEqualTo("patch 1");
		assertThat(fixes.get(1).expect()).containsEntry("flag-gated-backend", Status.PARTIAL).containsEntry("release-2.4.0",
				Status.FAIL);
		assertThat(fixes.get(1).description()).isEqualTo("null-check");
		assertThat(Fixes.reference(fixes)).map(Fix::id).hasValue("gate-in-service");
	}

	@Test
	void aTamperFixtureNamesTheFindingsItsScorecardMustShow() {
		write("fixes.yaml", """
				fixes:
				  - {id: rewriter, kind: tamper, patch: a.patch, findings: [process-outlived-run],
				     expect: {flag-gated-backend: fail, release-2.4.0: fail}}
				""");
		write("a.patch", "p");

		assertThat(read().orElseThrow()).singleElement().satisfies((fix) -> {
			assertThat(fix.kind()).isEqualTo(Fix.Kind.TAMPER);
			assertThat(fix.findings()).containsExactly("process-outlived-run");
		});
	}

	@Test
	void aTamperFixtureThatCouldPassOrNamesNoFindingIsRefused() {
		write("a.patch", "p");
		write("fixes.yaml", """
				fixes:
				  - {id: rewriter, kind: tamper, patch: a.patch, findings: [process-outlived-run],
				     expect: {flag-gated-backend: pass, release-2.4.0: fail}}
				""");
		assertThatExceptionOfType(FiredrillException.class).isThrownBy(this::read)
			.withMessageContaining("never expects a pass");

		write("fixes.yaml", """
				fixes:
				  - {id: rewriter, kind: tamper, patch: a.patch, expect: {flag-gated-backend: fail, release-2.4.0: fail}}
				""");
		assertThatExceptionOfType(FiredrillException.class).isThrownBy(this::read)
			.withMessageContaining("names the findings it must cause");
	}

	@Test
	void theReferenceFixIsTheOneMarkedSo() {
		write("fixes.yaml", """
				fixes:
				  - {id: a, kind: accepted, patch: a.patch, expect: {flag-gated-backend: pass, release-2.4.0: fail}}
				  - {id: b, kind: accepted, patch: a.patch, reference: true, expect: {flag-gated-backend: pass, release-2.4.0: pass}}
				""");
		write("a.patch", "p");

		assertThat(Fixes.reference(read().orElseThrow())).map(Fix::id).hasValue("b");
		assertThat(Fixes.find(read().orElseThrow(), "reference", INCIDENT).id()).isEqualTo("b");
	}

	@Test
	void withoutAFixesFileThereIsNothingToProve() {
		assertThat(read()).isEmpty();
	}

	@Test
	void everyCriterionNeedsAnExpectedVerdict() {
		write("fixes.yaml", "fixes:\n  - {id: a, kind: wrong, patch: a.patch, expect: {flag-gated-backend: fail}}\n");
		write("a.patch", "p");

		assertInvalid("expect has no verdict for criterion release-2.4.0");
	}

	@Test
	void anExpectedVerdictIsPassPartialOrFail() {
		write("fixes.yaml", "fixes:\n  - {id: a, kind: wrong, patch: a.patch, expect: {flag-gated-backend: meh, release-2.4.0: fail}}\n");
		write("a.patch", "p");

		assertInvalid("'meh' is not pass, partial or fail");
	}

	@Test
	void aKindIsAcceptedWrongOrTamper() {
		write("fixes.yaml", "fixes:\n  - {id: a, kind: maybe, patch: a.patch, expect: {flag-gated-backend: fail, release-2.4.0: fail}}\n");
		write("a.patch", "p");

		assertInvalid("kind must be accepted, wrong or tamper");
	}

	@Test
	void aPatchMustStayInTheFixesFolderAndExist() {
		write("fixes.yaml", "fixes:\n  - {id: a, kind: wrong, patch: ../brief.md, expect: {flag-gated-backend: fail, release-2.4.0: fail}}\n");
		assertInvalid("leaves the fixes/ folder");

		write("fixes.yaml", "fixes:\n  - {id: a, kind: wrong, patch: nope.patch, expect: {flag-gated-backend: fail, release-2.4.0: fail}}\n");
		assertInvalid("is not in the HEAD commit");
	}

	@Test
	void aFixBecomesOneCandidateCommitOnTopOfTheGivenCommit(@TempDir Path dir) throws IOException {
		Path repo = Files.createDirectories(dir.resolve("shop"));
		git(repo, "init", "-q");
		Files.writeString(repo.resolve("Checkout.java"), "class Checkout {\n    int total() { return 80; }\n}\n");
		git(repo, "add", "-A");
		git(repo, "commit", "-q", "-m", "Release");
		Files.writeString(repo.resolve("Checkout.java"), "class Checkout {\n    int total() { return 72; }\n}\n");
		git(repo, "commit", "-q", "-am", "Apply the discount");
		byte[] patch = git(repo, "format-patch", "-1", "--stdout", "HEAD").getBytes(StandardCharsets.UTF_8);
		String base = git(repo, "rev-parse", "HEAD~1").trim();
		Fix fix = new Fix("discount", Fix.Kind.ACCEPTED, "Apply the discount", "incidents/x/fixes/discount.patch", patch,
				Map.of(), true, List.of());

		RevCommit commit;
		try (Repository repository = new FileRepositoryBuilder().setWorkTree(repo.toFile()).build()) {
			commit = FixCommits.commit(repository, repository.resolve(base), fix, INCIDENT);
		}

		assertThat(git(repo, "show", commit.name() + ":Checkout.java")).contains("return 72;");
		assertThat(git(repo, "log", "-1", "--format=%an <%ae> %aI|%P|%s", commit.name()).trim())
			.isEqualTo("Candidate <candidate@example.com> 2026-11-21T09:30:00+00:00|" + base + "|Apply the discount");
	}

	private Optional<List<Fix>> read() {
		return Fixes.read((path) -> Optional.ofNullable(this.files.get(path)), INCIDENT, CRITERIA);
	}

	private void assertInvalid(String message) {
		assertThatExceptionOfType(FiredrillException.class).isThrownBy(this::read)
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
			.withMessageContaining(message);
	}

	private void write(String name, String content) {
		this.files.put("incidents/ungated-discount/fixes/" + name, content.getBytes(StandardCharsets.UTF_8));
	}

}
