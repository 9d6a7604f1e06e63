package io.firedrill.kit.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.KitClone;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.shop.ShopModules;
import org.junit.jupiter.api.Assumptions;

/**
 * The firedrill clone these tests run in (the integration tests work on the real shop and catalog at its HEAD):
 * {@code -Dfiredrill.home} if set, else the directory above the kit module.
 */
public final class RealClone {

	private RealClone() {
	}

	public static Path root() {
		String home = System.getProperty("firedrill.home");
		Path root = (home != null && !home.isBlank()) ? Path.of(home) : Path.of("").toAbsolutePath().getParent();
		if (!Files.isRegularFile(root.resolve("kit/pom.xml"))) {
			throw new IllegalStateException(root + " is not a firedrill clone");
		}
		return root;
	}

	public static KitClone open() {
		return KitClone.open(root());
	}

	/**
	 * Skips the rest of a test whose shop cannot be built: the root pom of HEAD lists modules that HEAD does not
	 * have (they are being written elsewhere), so Maven refuses the whole reactor.
	 */
	public static void assumeBuildable(ShopCheckout shop) {
		List<String> missing = ShopModules.missing(shop.dir());
		Assumptions.assumeTrue(missing.isEmpty(), () -> "the shop at HEAD lacks modules its root pom lists ("
				+ String.join(", ", missing) + "): it cannot be built, so this part is skipped");
	}

}
