package io.firedrill.kit.cli;

import static io.firedrill.kit.support.Cli.firedrill;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.firedrill.kit.support.Cli.Run;
import io.firedrill.kit.support.FakeClone;
import io.firedrill.kit.support.FakeClone.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListAndShowCommandTests {

	@TempDir
	static Path dir;

	static FakeClone fixture;

	@BeforeAll
	static void createFixture() {
		fixture = FakeClone.create(dir);
	}

	@Test
	void listPrintsOneLinePerIncidentWithTitleAndCriteria() {
		Run run = firedrill(fixture.root(), "list");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.outLines()).containsExactly(
				"not-null-migration  Rolling back v2.4.0 makes every checkout fail  [compatible-migration]",
				"release-2.4.0       Errors 0.1 % to 15 % after deploying v2.4.0  [flag-gated-backend, compatible-migration, release-2.4.0]",
				"ungated-discount    Checkout errors after enabling discount codes  [flag-gated-backend]");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void listWithoutCatalogExitsFourSayingSo(@TempDir Path other) {
		FakeClone empty = FakeClone.create(other, Variant.NO_CATALOG);

		Run run = firedrill(empty.root(), "list");

		assertThat(run.exitCode()).isEqualTo(4);
		assertThat(run.errLines()).containsExactly(
				"firedrill: no incident catalog: incidents/ is not in the HEAD commit of " + empty.root());
		assertThat(run.out()).isEmpty();
	}

	@Test
	void listWithACorruptIncidentExitsThree(@TempDir Path other) {
		FakeClone corrupt = FakeClone.create(other, Variant.CORRUPT_YAML);

		Run run = firedrill(corrupt.root(), "list");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).singleElement().asString()
			.startsWith("firedrill: incident not-null-migration: incident.yaml is not valid");
	}

	@Test
	void showPrintsMetadataAndEveryPrWithAuthorAndDate() {
		Run run = firedrill(fixture.root(), "show", FakeClone.RELEASE);

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("release-2.4.0: Errors 0.1 % to 15 % after deploying v2.4.0",
				"tag:       incident/release-2.4.0 and v2.4.0", "base:      v2.3.0 (produces 2.4.0)",
				"criteria:  flag-gated-backend, compatible-migration, release-2.4.0", "time box:  3h",
				"brief:     incidents/release-2.4.0/brief.md",
				"#892  Discount codes behind the discount_codes flag",
				FakeClone.UNGATED_AUTHOR + " <dana@acme.example>, 2026-11-02T13:12:00+01:00",
				"incidents/ungated-discount/patches/" + FakeClone.UNGATED_PATCH, "#905  order_metadata on orders",
				"Sam Schema <sam@acme.example>, 2026-11-02T13:40:00+01:00");
		assertThat(run.out().indexOf("#892")).isLessThan(run.out().indexOf("#905"));
	}

	@Test
	void showOfAnUnknownIncidentExitsThreeWithOneLine() {
		Run run = firedrill(fixture.root(), "show", "nope");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).containsExactly(
				"firedrill: unknown incident 'nope' (known: not-null-migration, release-2.4.0, ungated-discount)");
	}

}
