package io.firedrill.kit.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.verdict.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CohortReportTests {

	@TempDir
	Path dir;

	Path machineA;

	Path machineB;

	@BeforeEach
	void twoMachinesFolders() throws Exception {
		this.machineA = Files.createDirectories(this.dir.resolve("chunk-0"));
		this.machineB = Files.createDirectories(this.dir.resolve("chunk-1"));
		CohortSamples.graded(this.machineA, "alice", CohortSamples.card(CohortSamples.INCIDENT, CohortSamples.COMMIT,
				"abcdef0123", Status.PASS, true, Status.PASS, 164, false, List.of()));
		CohortSamples.graded(this.machineB, "bob", CohortSamples.card(CohortSamples.INCIDENT, CohortSamples.COMMIT,
				"abcdef0123", Status.FAIL, false, Status.PARTIAL, 1200, true,
				List.of(Finding.warning("timeout", "the grading run exceeded its bound"),
						Finding.info("shallow-clone", "shallow"))));
		CohortSamples.error(this.machineB, "carol", "/subs/carol is not a git repository");
		Files.createDirectories(this.machineB.resolve("not-a-candidate"));
		Files.writeString(this.machineB.resolve("notes.txt"), "left alone\n");
	}

	@Test
	void writesTheVersionedJsonWithEveryCandidateAndTheDistributionOfEachCriterion() throws Exception {
		Path out = this.dir.resolve("report");

		CohortReport.Written written = CohortReport.write(List.of(this.machineA, this.machineB), out, null);

		assertThat(written.candidates()).isEqualTo(3);
		JsonNode json = JsonMapper.builder().build().readTree(out.resolve(CohortReport.JSON).toFile());
		assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(json.get("incident").asString()).isEqualTo(CohortSamples.INCIDENT);
		assertThat(json.get("kitVersion").asString()).isEqualTo("1.0.0");
		assertThat(json.get("generatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		JsonNode candidates = json.get("candidates");
		assertThat(candidates).hasSize(3);
		JsonNode alice = candidates.get(0);
		assertThat(alice.get("candidate").asString()).isEqualTo("alice");
		assertThat(alice.get("status").asString()).isEqualTo("graded");
		assertThat(alice.get("points").asInt()).isEqualTo(35);
		assertThat(alice.get("max").asInt()).isEqualTo(35);
		assertThat(alice.get("commit").asString()).isEqualTo(CohortSamples.COMMIT);
		assertThat(alice.get("scorecard").asString()).isEqualTo("../chunk-0/alice/scorecard.html");
		assertThat(alice.get("criteria").get(0).toString())
			.isEqualTo("{\"id\":\"gated\",\"status\":\"pass\",\"points\":10,\"max\":10,\"graded\":true}");
		JsonNode bob = candidates.get(1);
		assertThat(bob.get("timedOut").asBoolean()).isTrue();
		assertThat(bob.get("durationSeconds").asLong()).isEqualTo(1200);
		assertThat(bob.get("findings").toString())
			.isEqualTo("[{\"severity\":\"warning\",\"code\":\"timeout\"},{\"severity\":\"info\",\"code\":\"shallow-clone\"}]");
		JsonNode carol = candidates.get(2);
		assertThat(carol.get("status").asString()).isEqualTo("error");
		assertThat(carol.get("reason").asString()).isEqualTo("/subs/carol is not a git repository");
		assertThat(carol.get("scorecard").isNull()).isTrue();
		assertThat(json.get("criteria").get(0).toString()).isEqualTo("{\"id\":\"gated\",\"title\":\"Discount codes"
				+ " are gated on the backend\",\"max\":10,\"distribution\":{\"pass\":1,\"partial\":0,\"fail\":0,\"notGraded\":1}}");
		assertThat(json.get("criteria").get(1).get("distribution").toString())
			.isEqualTo("{\"pass\":1,\"partial\":1,\"fail\":0,\"notGraded\":0}");
		assertThat(json.get("totals").toString()).isEqualTo("{\"candidates\":3,\"graded\":2,\"errors\":1}");
	}

	@Test
	void writesARowPerCandidateInTheCsvWithAColumnPerCriterion() throws Exception {
		Path out = this.dir.resolve("report");

		CohortReport.write(List.of(this.machineA, this.machineB), out, null);

		assertThat(Files.readString(out.resolve(CohortReport.CSV))).isEqualTo(
				"candidate,commit,gated,migration,total,max,findings,durationSeconds,status\r\n"
						+ "alice," + CohortSamples.COMMIT + ",10,25,35,35,0,164,graded\r\n"
						+ "bob," + CohortSamples.COMMIT + ",0,12,12,35,2,1200,graded\r\n"
						+ "carol,,,,,,0,,error\r\n");
	}

	@Test
	void csvFieldsThatASpreadsheetWouldRunAsAFormulaGetALeadingQuote() {
		assertThat(CohortCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(CohortCsv.field("+1")).isEqualTo("'+1");
		assertThat(CohortCsv.field("-alice")).isEqualTo("'-alice");
		assertThat(CohortCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CohortCsv.field("\tx")).isEqualTo("'\tx");
		assertThat(CohortCsv.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(CohortCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(CohortCsv.field("alice")).isEqualTo("alice");
		assertThat(CohortCsv.field("12")).isEqualTo("12");
	}

	@Test
	void aCandidateFolderNamedAsAFormulaIsNeutralisedInTheCsv() throws Exception {
		CohortSamples.error(this.machineA, "=cmd", "no");
		Path out = this.dir.resolve("report");

		CohortReport.write(List.of(this.machineA), out, null);

		assertThat(Files.readString(out.resolve(CohortReport.CSV))).contains("\r\n'=cmd,,");
	}

	@Test
	void thePageIsOneFileWithTheTableTheChartsAndItsOwnCheckAndNoExternalResource() throws Exception {
		Path out = this.dir.resolve("report");

		CohortReport.write(List.of(this.machineA, this.machineB), out, null);

		String html = Files.readString(out.resolve(CohortReport.HTML));
		assertThat(html).contains("<table id=\"cohort\" data-rows=\"3\" data-criteria=\"2\">")
			.contains("<body data-check=\"pending\">")
			.contains("<a href=\"../chunk-0/alice/scorecard.html\">scorecard</a>")
			.contains("error: /subs/carol is not a git repository")
			.contains("fail (not graded) 0 / 10")
			.contains("partial (timed out)");
		assertThat(html.split("<tr class=\"candidate\">", -1)).hasSize(4);
		assertThat(html.split("<svg class=\"distribution\"", -1)).hasSize(3);
		assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=|<link |@import|url\\(|https?://(?!www\\.w3\\.org/2000/svg)");
	}

	@Test
	void candidateTextIsEscapedInThePage() throws Exception {
		CohortSamples.error(this.machineA, "x<img src=y onerror=alert(1)>", "<script>alert('r')</script> & more");
		Path out = this.dir.resolve("report");

		CohortReport.write(List.of(this.machineA), out, null);

		String html = Files.readString(out.resolve(CohortReport.HTML));
		assertThat(html).contains("x&lt;img src=y onerror=alert(1)&gt;")
			.contains("&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt; &amp; more")
			.doesNotContain("<img").doesNotContain("<script>alert");
	}

	@Test
	void theSummaryHasTheTotalsARowPerCandidateAndTheDistributions() throws Exception {
		Path summary = this.dir.resolve("summary.md");
		Files.writeString(summary, "earlier step\n");

		CohortReport.write(List.of(this.machineA, this.machineB), this.dir.resolve("report"), summary);

		String md = Files.readString(summary);
		assertThat(md).startsWith("earlier step\n## Cohort: release-2.4.0\n")
			.contains("**3 candidates**: 2 graded (1 with every point), 1 errors")
			.contains("| alice | pass | 35 / 35 | pass 10 | pass 25 | 0 | 164 s |")
			.contains("| carol | error: /subs/carol is not a git repository |")
			.contains("| gated | 10 | 1 | 0 | 0 | 1 |");
	}

	@Test
	void aSummaryTooLongForItsBoundLeavesOutCandidateRowsAndSaysHowMany() throws Exception {
		Cohort cohort = CohortFolders.read(List.of(this.machineA, this.machineB), java.time.Instant.EPOCH);
		List<Cohort.Row> many = Stream.iterate(0, (i) -> i + 1).limit(12000)
			.map((i) -> Cohort.Row.error("candidate-" + i, this.dir, null, "x".repeat(100)))
			.toList();
		Cohort big = new Cohort(cohort.incident(), cohort.kitVersion(), cohort.kitCommit(), cohort.generatedAt(), many);

		String md = CohortSummary.write(big);

		assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CohortSummary.LIMIT);
		assertThat(md).containsPattern("\\*\\d+ candidate rows were left out to keep this summary under 1024 KiB")
			.contains("### Criteria");
		int shown = (int) md.lines().filter((line) -> line.startsWith("| candidate-")).count();
		assertThat(md).contains("*" + (12000 - shown) + " candidate rows were left out");
		assertThat(shown).isGreaterThan(1000);
	}

	@Test
	void markdownCellsCannotBreakTheTable() {
		assertThat(CohortSummary.text("a|b\n<i>*c*</i>")).isEqualTo("a\\|b &lt;i&gt;\\*c\\*&lt;/i&gt;");
	}

	@Test
	void theReportIsWrittenInTheCohortsOwnFolderWithoutStagingLeftAndReplacesOnlyItsOwnFiles() throws Exception {
		CohortReport.write(List.of(this.machineB), this.machineB, null);
		CohortReport.write(List.of(this.machineB), this.machineB, null);

		try (Stream<Path> files = Files.list(this.machineB)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("bob", "carol", "not-a-candidate", "notes.txt", CohortReport.JSON,
						CohortReport.CSV, CohortReport.HTML);
		}
		assertThat(Files.readString(this.machineB.resolve(CohortReport.HTML))).contains("data-rows=\"2\"");
	}

	@Test
	void aCandidateInTwoFoldersIsAnInputError() throws Exception {
		CohortSamples.error(this.machineA, "carol", "again");

		assertThatExceptionOfType(FiredrillException.class)
			.isThrownBy(() -> CohortReport.write(List.of(this.machineA, this.machineB), this.dir.resolve("r"), null))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
			.withMessageContaining("candidate carol has two folders");
		assertThat(this.dir.resolve("r")).doesNotExist();
	}

	@Test
	void scorecardsOfTwoIncidentsAreAnInputError() throws Exception {
		CohortSamples.graded(this.machineA, "dave", CohortSamples.card("ungated-discount", CohortSamples.COMMIT,
				"abcdef0123", Status.PASS, true, Status.PASS, 10, false, List.of()));

		assertThatExceptionOfType(FiredrillException.class)
			.isThrownBy(() -> CohortReport.write(List.of(this.machineA, this.machineB), this.dir.resolve("r"), null))
			.withMessageContaining("several incidents");
	}

	@Test
	void aFolderWithoutCandidatesIsAnInputError() throws Exception {
		Path empty = Files.createDirectories(this.dir.resolve("empty"));

		assertThatExceptionOfType(FiredrillException.class)
			.isThrownBy(() -> CohortReport.write(List.of(empty), this.dir.resolve("r"), null))
			.withMessageContaining("no candidate folder");
	}

}
