package io.firedrill.kit.guardrails;

import static io.firedrill.kit.support.Cli.firedrill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.support.FakeClone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopSourcesTests {

	@TempDir
	static Path dir;

	static FakeClone fixture;

	@BeforeAll
	static void createFixture() {
		fixture = FakeClone.create(dir);
	}

	@Test
	void aReleaseTagIsMadeFromTheCatalogWhenTheCloneHasNoTagsYet() throws Exception {
		try (KitClone clone = KitClone.open(fixture.root());
				ShopCheckout shop = ShopSources.open(clone, "incident/not-null-migration", fixture.root())) {
			assertThat(shop.label()).startsWith("incident/not-null-migration (made from the catalog at ");
			assertThat(shop.dir().resolve("checkout-service/src/main/resources/db/changelog/002-order-metadata.yaml"))
				.isRegularFile();
			assertThat(shop.dir().resolve("kit")).doesNotExist();
			assertThat(shop.dir().resolve("incidents")).doesNotExist();
			assertThat(Files.readString(shop.dir().resolve("pom.xml"))).doesNotContain("firedrill", "<module>kit</module>");
			assertThat(shop.dir().resolve("mvnw")).isExecutable();
		}
	}

	@Test
	void aTagOfTheCloneIsWrittenOut() throws Exception {
		Path repo = dir.resolve("tagged");
		io.firedrill.kit.support.GitCli.git(dir, "clone", "-q", fixture.root().toString(), repo.toString());
		Files.createDirectories(repo.resolve("kit"));
		Files.writeString(repo.resolve("kit/pom.xml"), "<project/>\n");
		assertThat(firedrill(fixture.root(), "tags", "--repo", repo.toString()).exitCode()).isZero();

		try (KitClone clone = KitClone.open(repo); ShopCheckout shop = ShopSources.open(clone, "v2.3.0", repo)) {
			assertThat(shop.label()).matches("v2\\.3\\.0 \\(tag, [0-9a-f]{10}\\)");
			assertThat(shop.commit()).hasSize(40);
			assertThat(shop.dir().resolve("README.md")).isRegularFile();
		}
	}

	@Test
	void aDirectoryIsCopiedWithoutBuildOutputNorTheKit() throws Exception {
		try (ShopCheckout shop = ShopSources.open(null, fixture.root().toString(), dir)) {
			assertThat(shop.commit()).isNull();
			assertThat(shop.dir()).isNotEqualTo(fixture.root());
			assertThat(shop.dir().resolve(FakeClone.CHECKOUT_SERVICE)).isRegularFile();
			assertThat(shop.dir().resolve(".git")).doesNotExist();
			assertThat(shop.dir().resolve("kit")).doesNotExist();
			assertThat(shop.dir().resolve("scenarios.md")).doesNotExist();
			assertThat(Files.readString(shop.dir().resolve("pom.xml"))).doesNotContain("<module>kit</module>");
		}
	}

	@Test
	void somethingElseIsBadInput() throws Exception {
		try (KitClone clone = KitClone.open(fixture.root())) {
			assertThatThrownBy(() -> ShopSources.open(clone, "v9.9.9", fixture.root()))
				.isInstanceOf(FiredrillException.class)
				.hasMessageContaining("'v9.9.9' is neither a directory nor a revision")
				.hasMessageContaining("v2.3.0");
		}
	}

}
