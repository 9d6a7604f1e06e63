package io.firedrill.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.support.FakeClone;
import io.firedrill.kit.support.FakeClone.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTests {

	@TempDir
	static Path dir;

	static FakeClone fixture;

	@BeforeAll
	static void createFixture() {
		fixture = FakeClone.create(dir);
	}

	@Test
	void readsEveryIncidentOfTheHeadCommitSortedById() {
		try (KitClone clone = KitClone.open(fixture.root())) {
			Catalog catalog = Catalog.read(clone);

			assertThat(catalog.incidents()).extracting(Incident::id)
				.containsExactly(FakeClone.MIGRATION, FakeClone.RELEASE, FakeClone.UNGATED);
		}
	}

	@Test
	void readsTheMetadataOfAnIncident() {
		try (KitClone clone = KitClone.open(fixture.root())) {
			Incident incident = Catalog.read(clone).get(FakeClone.UNGATED);

			assertThat(incident.title()).isEqualTo("Checkout errors after enabling discount codes");
			assertThat(incident.tag()).isEqualTo("incident/ungated-discount");
			assertThat(incident.base()).isEqualTo("v2.3.0");
			assertThat(incident.release()).isEqualTo("2.4.0");
			assertThat(incident.releaseTag()).isFalse();
			assertThat(incident.timebox()).isEqualTo("90m");
			assertThat(incident.criteria()).containsExactly("flag-gated-backend");
			assertThat(incident.briefPath()).isEqualTo("incidents/ungated-discount/brief.md");
			assertThat(new String(incident.brief(), StandardCharsets.UTF_8)).isEqualTo(fixture.brief(FakeClone.UNGATED));
			assertThat(incident.prs()).singleElement().satisfies((pr) -> {
				assertThat(pr.number()).isEqualTo(892);
				assertThat(pr.title()).isEqualTo("Discount codes behind the discount_codes flag");
				assertThat(pr.patchPath()).isEqualTo("incidents/ungated-discount/patches/" + FakeClone.UNGATED_PATCH);
				assertThat(pr.patch().subject()).isEqualTo(FakeClone.UNGATED_SUBJECT);
			});
		}
	}

	@Test
	void aCatalogWithoutADemoIncidentSaysSoInOneLine() {
		try (KitClone clone = KitClone.open(fixture.root())) {
			Catalog catalog = Catalog.read(clone);

			assertThatThrownBy(catalog::demoIncident).isInstanceOf(FiredrillException.class)
				.hasMessage("no incident is marked demo: true in its incident.yaml: mark the one 'firedrill demo' plays")
				.satisfies((ex) -> assertThat(((FiredrillException) ex).exitCode()).isEqualTo(ExitCode.INPUT));
		}
	}

	@Test
	void anIncidentWithoutReplayBlockIsReplayedWithTheCatalogsDefaultStory() {
		try (KitClone clone = KitClone.open(fixture.root())) {
			Catalog catalog = Catalog.read(clone);

			assertThat(catalog.get(FakeClone.UNGATED).replay()).isNull();
			assertThat(catalog.replayFacts(catalog.get(FakeClone.UNGATED))).isSameAs(catalog.replayFacts(null));
			assertThat(catalog.replayFacts(null).deployAt()).hasToString("2026-11-24T14:00");
		}
	}

	@Test
	void resolvesPatchesOfOtherIncidents() {
		try (KitClone clone = KitClone.open(fixture.root())) {
			Catalog catalog = Catalog.read(clone);
			Incident release = catalog.get(FakeClone.RELEASE);

			assertThat(release.releaseTag()).isTrue();
			assertThat(catalog.releaseIncident()).contains(release);
			assertThat(release.prs()).extracting(PullRequest::patchPath).containsExactly(
					"incidents/ungated-discount/patches/" + FakeClone.UNGATED_PATCH,
					"incidents/not-null-migration/patches/" + FakeClone.MIGRATION_PATCH);
		}
	}

	@Test
	void anUnknownIncidentNamesTheKnownOnes() {
		try (KitClone clone = KitClone.open(fixture.root())) {
			Catalog catalog = Catalog.read(clone);

			assertThatThrownBy(() -> catalog.get("nope")).isInstanceOfSatisfying(FiredrillException.class,
					(ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
				.hasMessage("unknown incident 'nope' (known: not-null-migration, release-2.4.0, ungated-discount)");
		}
	}

	@Test
	void aCatalogOnlyInTheWorkTreeIsMissingAndSaysToCommitIt(@TempDir Path other) {
		FakeClone uncommitted = FakeClone.create(other, Variant.UNCOMMITTED_CATALOG);
		try (KitClone clone = KitClone.open(uncommitted.root())) {
			assertThatThrownBy(() -> Catalog.read(clone)).isInstanceOfSatisfying(FiredrillException.class,
					(ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
				.hasMessageContaining("no incident catalog")
				.hasMessageContaining("commit it first");
		}
	}

	@Test
	void aCorruptIncidentYamlIsNotUsableAndNamesTheIncident(@TempDir Path other) {
		FakeClone corrupt = FakeClone.create(other, Variant.CORRUPT_YAML);
		try (KitClone clone = KitClone.open(corrupt.root())) {
			assertThatThrownBy(() -> Catalog.read(clone)).isInstanceOfSatisfying(FiredrillException.class,
					(ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
				.hasMessageStartingWith("incident not-null-migration: incident.yaml is not valid: line ");
		}
	}

}
