package io.firedrill.kit.authoring;

import static io.firedrill.kit.support.Cli.firedrill;
import static io.firedrill.kit.support.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.catalog.PatchFile;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.TinyKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new-incident} on a tiny kit: commits made on the shop become an incident that {@code tags} materialises,
 * and everything that would break the catalog is refused with nothing written.
 */
class NewIncidentTests {

	private static final String PRICING = "checkout-service/src/main/java/com/acme/shop/checkout/Pricing.java";

	private static final Map<String, String> ZOE = Map.of("GIT_AUTHOR_NAME", "Zoë Ahmed", "GIT_AUTHOR_EMAIL",
			"zoe@acme.example", "GIT_AUTHOR_DATE", "2026-12-01T10:15:00+01:00");

	@TempDir
	Path dir;

	Path root;

	String main;

	@BeforeEach
	void tinyKit() {
		this.root = TinyKit.create(this.dir).root();
		this.main = git(this.root, "rev-parse", "--abbrev-ref", "HEAD").strip();
	}

	@Test
	void commitsOnTheShopBecomeAnIncidentThatTagsMaterialises() throws IOException {
		git(this.root, "checkout", "-q", "-b", "draft");
		commitShopChange(ZOE, "// prices are rounded to cents\n", "Round prices to cents (#930)");
		commitShopChange(Map.of(), "// and logged\n", "Log every price");
		git(this.root, "checkout", "-q", "-b", "fix");
		commitShopChange(Map.of(), "// fixed\n", "Round half up");
		git(this.root, "checkout", "-q", this.main);

		Run run = firedrill(this.root, "new-incident", "tiny-rounding", "--from", "draft", "--fix", "fix",
				"--criterion", "rounding", "--criterion-of", TinyKit.CRITERION);

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("#930 Round prices to cents", "wrote incidents/tiny-rounding");
		Path incident = this.root.resolve("incidents/tiny-rounding");
		String yaml = Files.readString(incident.resolve("incident.yaml"));
		assertThat(yaml).contains("criteria: [pricing, rounding]", "number: 930",
				"patch: patches/0001-round-prices-to-cents.patch", "patch: patches/0002-log-every-price.patch",
				"title: \"Log every price\"");
		PatchFile first = PatchFile.parse("0001", Files.readAllBytes(incident.resolve(
				"patches/0001-round-prices-to-cents.patch")));
		assertThat(first.author().getName()).isEqualTo("Zoë Ahmed");
		assertThat(first.subject()).isEqualTo("Round prices to cents (#930)");
		assertThat(Files.readString(incident.resolve("fixes/fixes.yaml"))).contains("id: reference",
				"pricing: pass", "rounding: pass");
		assertThat(incident.resolve("brief.md")).content().contains("PR #930 (Zoë Ahmed): Round prices to cents")
			.doesNotContainIgnoringCase("firedrill");
		byte[] criteria = Files.readAllBytes(this.root.resolve(Criteria.FILE));
		assertThat(Criteria.parse(criteria).all()).filteredOn((criterion) -> criterion.id().equals("rounding"))
			.singleElement()
			.satisfies((criterion) -> assertThat(criterion.feedback().visibility()).isEqualTo(Criterion.Visibility.AFTER_REVIEW));
		assertThat(this.root.resolve("grading/rounding/src/test/java/io/firedrill/grading/rounding/RoundingTests.java"))
			.content().contains("class RoundingTests", "void aFixOfRoundingDoesWhatTheCriterionSays()");

		git(this.root, "add", "-A");
		git(this.root, "commit", "-q", "-m", "incident tiny-rounding");
		Run tags = firedrill(this.root, "tags");
		assertThat(tags.exitCode()).as(tags.err() + tags.out()).isZero();
		assertThat(git(this.root, "log", "-2", "--format=%an|%s", "incident/tiny-rounding").lines())
			.containsExactly("Fixture|Log every price", "Zoë Ahmed|Round prices to cents (#930)");
	}

	@Test
	void aPrThatAddsAModuleTheRootPomListsIsTheShops() throws IOException {
		git(this.root, "checkout", "-q", "-b", "draft");
		Path pom = this.root.resolve("pom.xml");
		Files.writeString(pom, Files.readString(pom).replace("<module>checkout-service</module>",
				"<module>checkout-service</module>\n        <module>loyalty-points-job</module>"));
		Files.createDirectories(this.root.resolve("loyalty-points-job"));
		Files.writeString(this.root.resolve("loyalty-points-job/pom.xml"), "<project/>\n");
		commitShopChange(Map.of(), "// loyalty points\n", "Award loyalty points nightly (#951)");
		git(this.root, "checkout", "-q", this.main);

		Run run = firedrill(this.root, "new-incident", "tiny-loyalty", "--from", "draft", "--criterion-of",
				TinyKit.CRITERION);

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(this.root.resolve("incidents/tiny-loyalty/patches/0001-award-loyalty-points-nightly.patch"))
			.content().contains("+++ b/loyalty-points-job/pom.xml", "+        <module>loyalty-points-job</module>");
	}

	@Test
	void aPrThatChangesOnlyTheRootPomsKitBlockIsRefusedByName() throws IOException {
		git(this.root, "checkout", "-q", "-b", "draft");
		Path pom = this.root.resolve("pom.xml");
		Files.writeString(pom, Files.readString(pom).replace("<module>kit</module>",
				"<module>kit</module>\n        <module>kit-extras</module>"));
		commitShopChange(Map.of(), "// x\n", "A change with a kit module in the pom");
		git(this.root, "checkout", "-q", this.main);

		Run run = firedrill(this.root, "new-incident", "tiny-kit-module", "--from", "draft", "--criterion-of",
				TinyKit.CRITERION);

		assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
		assertThat(run.err()).contains("changes paths that are not the shop's: pom.xml (its kit block)");
		assertThat(this.root.resolve("incidents/tiny-kit-module")).doesNotExist();
	}

	@Test
	void anIdThatExistsIsRefusedAndNothingIsWritten() {
		git(this.root, "checkout", "-q", "-b", "draft");
		commitShopChange(Map.of(), "// x\n", "A change");
		git(this.root, "checkout", "-q", this.main);

		Run run = firedrill(this.root, "new-incident", TinyKit.INCIDENT, "--from", "draft", "--criterion-of",
				TinyKit.CRITERION);

		assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
		assertThat(run.err()).contains("incident " + TinyKit.INCIDENT + " exists");
		assertThat(git(this.root, "status", "--porcelain")).isEmpty();
	}

	@Test
	void aCommitThatChangesTheKitIsRefusedAndNothingIsWritten() throws IOException {
		git(this.root, "checkout", "-q", "-b", "draft");
		Files.writeString(this.root.resolve("scenarios.md"), "\nleaked\n", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
		commitShopChange(Map.of(), "// x\n", "A change with a kit file in it");
		git(this.root, "checkout", "-q", this.main);

		Run run = firedrill(this.root, "new-incident", "tiny-leak", "--from", "draft", "--criterion-of",
				TinyKit.CRITERION);

		assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
		assertThat(run.err()).contains("changes paths that are not the shop's: scenarios.md");
		assertThat(this.root.resolve("incidents/tiny-leak")).doesNotExist();
		assertThat(git(this.root, "status", "--porcelain")).isEmpty();
	}

	@Test
	void aSeriesThatDoesNotApplyToTheHealthyReleaseIsRefused() {
		git(this.root, "checkout", "-q", "-b", "draft");
		commitShopChange(Map.of(), "// first\n", "First");
		String first = git(this.root, "rev-parse", "HEAD").strip();
		replaceInPricing("// first\n", "// second\n");
		git(this.root, "commit", "-q", "-am", "Second, on top of a change the series leaves out");
		git(this.root, "checkout", "-q", this.main);

		Run run = firedrill(this.root, "new-incident", "tiny-orphan", "--from", first + "..draft", "--criterion-of",
				TinyKit.CRITERION);

		assertThat(run.exitCode()).isEqualTo(ExitCode.PATCH.code());
		assertThat(run.err()).contains("does not apply");
		assertThat(git(this.root, "status", "--porcelain")).isEmpty();
	}

	@Test
	void aMergeInTheSeriesIsRefused() {
		git(this.root, "checkout", "-q", "-b", "side");
		commitShopChange(Map.of(), "// side\n", "Side");
		git(this.root, "checkout", "-q", this.main);
		git(this.root, "checkout", "-q", "-b", "draft");
		Path sdk = this.root.resolve("payment-sdk-v3/src/main/java/com/acme/payments/Amount.java");
		try {
			Files.writeString(sdk, Files.readString(sdk) + "// draft\n");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		git(this.root, "commit", "-q", "-am", "Draft");
		git(this.root, "merge", "-q", "--no-edit", "side");
		git(this.root, "checkout", "-q", this.main);

		Run run = firedrill(this.root, "new-incident", "tiny-merge", "--from", "draft", "--criterion-of",
				TinyKit.CRITERION);

		assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
		assertThat(run.err()).contains("is a merge");
	}

	@Test
	void anIncidentWithoutACriterionIsRefused() {
		Run run = firedrill(this.root, "new-incident", "tiny-nothing", "--from", "HEAD");

		assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT.code());
		assertThat(run.err()).contains("at least one criterion");
	}

	private void commitShopChange(Map<String, String> env, String line, String message) {
		Path file = this.root.resolve(PRICING);
		try {
			Files.writeString(file, Files.readString(file) + line);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		git(env, this.root, "add", "-A");
		git(env, this.root, "commit", "-q", "-m", message);
	}

	private void replaceInPricing(String from, String to) {
		Path file = this.root.resolve(PRICING);
		try {
			Files.writeString(file, Files.readString(file).replace(from, to));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
