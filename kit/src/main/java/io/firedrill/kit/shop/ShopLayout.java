package io.firedrill.kit.shop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import io.firedrill.kit.FiredrillException;

/**
 * Which paths of the firedrill repository are the shop and which the kit, and the one seam between them: the
 * block of the root pom between {@value #KIT_BEGIN} and {@value #KIT_END}. Export takes the shop by an
 * allowlist: the paths listed here and the folders of the modules the root pom lists outside the kit's block (a new
 * module or job is the shop's once the pom lists it; any other new top-level path stays private until it is listed
 * here). The guardrails, which read any revision or folder, leave the kit out by its paths.
 */
public final class ShopLayout {

	/** Files at the root of the shop. */
	static final List<String> SHOP_FILES = List.of("pom.xml", "mvnw", "mvnw.cmd", ".gitignore", "CHANGELOG.md");

	/**
	 * Folders of the shop, taken whole, besides its modules: those are the folders the root pom lists
	 * ({@link #shopPaths}), so that no list here names today's modules.
	 */
	static final List<String> SHOP_FOLDERS = List.of(".mvn", "deploy", "changelog");

	/** Top-level paths of the kit, which never reach a candidate nor a shop under test: folders and files. */
	static final List<String> KIT_PATHS = List.of("incidents", "kit", "grading", ".ci", "scenarios.md", "firedrill");

	public static final String ROOT_POM = "pom.xml";

	public static final String KIT_BEGIN = "firedrill:kit-begin";

	public static final String KIT_END = "firedrill:kit-end";

	private ShopLayout() {
	}

	/**
	 * Whether a path of the firedrill repository ({@code /}-separated, relative) is one of the shop's fixed paths,
	 * all a tree without a root pom has; with one, {@link #shopPaths} adds its modules.
	 */
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

	/**
	 * The paths of the shop whose root pom, its kit block cut, is {@code shopPom}: those of {@link #isShopPath} and
	 * the folders of the modules it lists, a kit path never (a module listed outside the shop matches no path in it).
	 */
	public static Predicate<String> shopPaths(byte[] shopPom) {
		List<String> folders = new ArrayList<>();
		for (String listed : ShopModules.listed(shopPom)) {
			// Maven takes a module's folder or its pom file
			Path folder = Path.of(listed.endsWith(".xml") ? listed + "/.." : listed).normalize();
			if (!isKitPath(folder)) {
				folders.add(folder.toString().replace('\\', '/') + "/");
			}
		}
		return (path) -> isShopPath(path) || folders.stream().anyMatch(path::startsWith);
	}

	/** The kit path that {@code path} is or lies in, if any: a folder with a trailing slash, or a file. */
	public static Optional<String> kitPath(String path) {
		String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
		if (!KIT_PATHS.contains(top)) {
			return Optional.empty();
		}
		return Optional.of(top.equals(path) ? top : top + "/");
	}

	/** Whether a relative path is or lies in a kit path. */
	public static boolean isKitPath(Path relative) {
		return relative.getNameCount() > 0 && KIT_PATHS.contains(relative.getName(0).toString());
	}

	/**
	 * The root pom without the kit's block, for a revision of the firedrill repository, whose pom must be well
	 * formed: the lines from the one holding {@value #KIT_BEGIN} to the one holding {@value #KIT_END}, both
	 * included.
	 * @throws FiredrillException (input) if the block is unbalanced or firedrill is mentioned outside it
	 */
	public static byte[] stripKitBlockStrictly(byte[] pom) {
		String stripped = strip(pom, true);
		if (mentionsFiredrill(stripped)) {
			throw FiredrillException.input("pom.xml mentions firedrill outside the " + KIT_BEGIN + " block");
		}
		return stripped.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The root pom without the kit's block, for any shop (a candidate's among them): an unbalanced block is cut
	 * where it opens, and nothing is refused, since a guardrail must judge whatever it is given.
	 */
	public static byte[] stripKitBlock(byte[] pom) {
		return strip(pom, false).getBytes(StandardCharsets.UTF_8);
	}

	public static boolean mentionsFiredrill(String text) {
		return text.toLowerCase(Locale.ROOT).contains("firedrill");
	}

	private static String strip(byte[] pom, boolean strict) {
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
				if (strict && line.contains(KIT_END)) {
					throw FiredrillException.input("pom.xml: " + KIT_END + " without " + KIT_BEGIN);
				}
				out.append(line);
			}
		}
		if (strict && inBlock) {
			throw FiredrillException.input("pom.xml: " + KIT_BEGIN + " without " + KIT_END);
		}
		return out.toString();
	}

}
