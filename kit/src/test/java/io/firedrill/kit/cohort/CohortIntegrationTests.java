package io.firedrill.kit.cohort;

import static io.firedrill.kit.support.Cli.firedrillIn;
import static io.firedrill.kit.support.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.TinyKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end with real Maven on the tiny kit: a roster of the broken export (a folder), the export with the accepted
 * fix (a {@code file://} URL, cloned first) and a folder that is not a repository, graded two at a time; then a rerun
 * that skips both scorecards, and {@code --regrade}.
 */
class CohortIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@Test
	void gradesARosterTwoAtATimeSkipsWhatItGradedAndRegradesOnRequest() throws Exception {
		TinyKit kit = TinyKit.create(this.dir.resolve("kit"));
		Path subs = Files.createDirectories(this.dir.resolve("subs"));
		export(kit, subs.resolve("alice"));
		Path bob = subs.resolve("bob");
		export(kit, bob);
		git(bob, "-c", "user.name=Bob", "-c", "user.email=bob@example.com", "am", "-q",
				kit.root().resolve("incidents/" + TinyKit.INCIDENT + "/fixes/" + TinyKit.ACCEPTED + ".patch").toString());
		Files.createDirectories(subs.resolve("carol"));
		Files.writeString(this.dir.resolve("roster.csv"), "candidate,repository,ref\n" + "alice,subs/alice,\n"
				+ "bob," + bob.toUri() + ",main\n" + "carol,subs/carol,\n");
		Path out = this.dir.resolve("cohort");

		Run first = cohort(kit, "--jobs", "2");

		assertThat(first.exitCode()).as(first.err() + first.out()).isZero();
		assertThat(first.out()).contains("cohort tiny-discount: 3 of 3 submissions, 2 at a time")
			.containsPattern("\\[\\d/3\\] alice  +0/10  fail")
			.containsPattern("\\[\\d/3\\] bob    +10/10  pass")
			.containsPattern("\\[\\d/3\\] carol  +error  .*carol is not a git repository")
			.contains("2 graded, 0 skipped, 1 error")
			.contains("cohort report " + out.resolve(CohortReport.HTML));
		assertThat(criterion(out.resolve("alice"))).isEqualTo("fail");
		assertThat(criterion(out.resolve("bob"))).isEqualTo("pass");
		assertThat(out.resolve("alice").resolve(ScorecardFiles.HTML)).isRegularFile();
		assertThat(out.resolve("carol").resolve(ErrorCard.FILE)).isRegularFile();
		JsonNode report = JSON.readTree(out.resolve(CohortReport.JSON).toFile());
		assertThat(report.get("candidates").valueStream().map((row) -> row.get("status").asString()))
			.containsExactly("graded", "graded", "error");
		assertThat(report.get("candidates").get(1).get("points").asInt()).isEqualTo(10);
		assertThat(out.resolve(CohortReport.CSV)).isRegularFile();

		Run second = cohort(kit, "--jobs", "2");

		assertThat(second.exitCode()).as(second.err() + second.out()).isZero();
		assertThat(second.out()).containsPattern("alice  skipped: \\w{10} already graded by this kit")
			.containsPattern("bob    skipped: \\w{10} already graded by this kit")
			.contains("0 graded, 2 skipped, 1 error")
			.doesNotContain("grading ");

		Run third = cohort(kit, "--regrade", "--jobs", "2");

		assertThat(third.exitCode()).as(third.err() + third.out()).isZero();
		assertThat(third.out()).contains("2 graded, 0 skipped, 1 error").containsPattern("alice  grading \\w{10}")
			.containsPattern("bob    grading \\w{10}");
		assertThat(criterion(out.resolve("bob"))).isEqualTo("pass");
		try (var files = Files.list(out)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("alice", "bob",
					"carol", CohortReport.JSON, CohortReport.CSV, CohortReport.HTML);
		}
	}

	private Run cohort(TinyKit kit, String... options) {
		List<String> args = new ArrayList<>(List.of("cohort", TinyKit.INCIDENT, "--roster", "roster.csv", "--out",
				"cohort", "--timeout", "3m"));
		args.addAll(List.of(options));
		return firedrillIn(kit.root(), this.dir, args.toArray(String[]::new));
	}

	private void export(TinyKit kit, Path target) {
		Run export = firedrillIn(kit.root(), this.dir, "export", TinyKit.INCIDENT, "--out", target.toString());
		assertThat(export.exitCode()).as(export.err()).isZero();
	}

	private static String criterion(Path folder) throws Exception {
		return JSON.readTree(folder.resolve(ScorecardFiles.JSON).toFile()).get("criteria").get(0).get("status")
			.asString();
	}

}
