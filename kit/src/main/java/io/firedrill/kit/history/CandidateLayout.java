package io.firedrill.kit.history;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.firedrill.kit.FiredrillException;

/**
 * What a candidate repository holds: the shop's paths (an allowlist) and a README of its own, and nothing of
 * the kit.
 */
public final class CandidateLayout {

	/** Files at the root of the shop. */
	static final List<String> SHOP_FILES = List.of("pom.xml", "mvnw", "mvnw.cmd", ".gitignore", "CHANGELOG.md");

	/** Folders of the shop, taken whole. */
	static final List<String> SHOP_FOLDERS = List.of(".mvn", "payment-sdk-v3", "payment-sdk-v4", "checkout-service",
			"order-retry-job", "refund-processor", "subscription-renewal-job", "deploy", "changelog");

	/** The candidate's README, a file of the kit. */
	static final String CANDIDATE_README = "kit/src/main/resources/candidate/README.md";

	static final String README = "README.md";

	static final String ROOT_POM = "pom.xml";

	static final String KIT_BEGIN = "firedrill:kit-begin";

	static final String KIT_END = "firedrill:kit-end";

	/** Paths of the kit that never reach a candidate: folders (with a trailing slash) and files. */
	static final List<String> KIT_PATHS = List.of("incidents/", "kit/", "grading/", ".ci/", "scenarios.md",
			"firedrill");

	private CandidateLayout() {
	}

	/** Whether a path of the firedrill repository belongs to the shop. */
	public static boolean isShopPath(String path) {
		if (SHOP_FILES.contains(path)) {
			return true;
		}
		for (String folder : SHOP_FOLDERS) {
			if (path.startsWith(folder + "/")) {
				return true;
			}
		}
		return false;
	}

	/** The kit path that {@code path} is or lies in, if any. */
	public static Optional<String> kitPath(String path) {
		for (String kit : KIT_PATHS) {
			if (kit.endsWith("/") ? path.startsWith(kit) : path.equals(kit)) {
				return Optional.of(kit);
			}
		}
		return Optional.empty();
	}

	/**
	 * The root pom without the kit's block: the lines from the one holding {@value #KIT_BEGIN} to the one
	 * holding {@value #KIT_END}, both included.
	 * @throws FiredrillException (input) if the block is unbalanced or firedrill is mentioned outside it
	 */
	static byte[] stripKitBlock(byte[] pom) {
		String text = new String(pom, StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(text.length());
		boolean inBlock = false;
		for (String line : text.split("(?<=\n)")) {
			if (!inBlock && line.contains(KIT_BEGIN)) {
				inBlock = true;
			}
			else if (inBlock && line.contains(KIT_END)) {
				inBlock = false;
			}
			else if (!inBlock) {
				if (line.contains(KIT_END)) {
					throw FiredrillException.input("pom.xml: " + KIT_END + " without " + KIT_BEGIN);
				}
				out.append(line);
			}
		}
		if (inBlock) {
			throw FiredrillException.input("pom.xml: " + KIT_BEGIN + " without " + KIT_END);
		}
		String stripped = out.toString();
		if (mentionsFiredrill(stripped)) {
			throw FiredrillException.input("pom.xml mentions firedrill outside the " + KIT_BEGIN + " block");
		}
		return stripped.getBytes(StandardCharsets.UTF_8);
	}

	static boolean mentionsFiredrill(String text) {
		return text.toLowerCase(Locale.ROOT).contains("firedrill");
	}

}
