package io.firedrill.kit.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.Xml;

/**
 * Where the user's Maven keeps its local repository, found as Maven finds it, so that the kit reads jars from the
 * same place and the Maven runs it starts with an environment of their own use the same place too.
 * <p>
 * In order: {@code -Dmaven.repo.local} on Maven's command line ({@code MAVEN_ARGS}, the kit's
 * {@code .mvn/maven.config}) or in {@code MAVEN_OPTS}; else {@code <localRepository>} of the user settings
 * ({@code -s} in {@code MAVEN_ARGS}, else {@code ~/.m2/settings.xml}); else of the global settings ({@code -gs}, else
 * {@code $MAVEN_HOME/conf/settings.xml}); else {@code ~/.m2/repository}.
 */
public final class LocalRepository {

	static final String PROPERTY = "maven.repo.local";

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

	private LocalRepository() {
	}

	/** The local repository of this process's user and environment, for the kit this process runs from. */
	public static Path locate() {
		return locate(Path.of(System.getProperty("firedrill.home", ".")));
	}

	/** The local repository of this process's user and environment, for a kit at {@code kitRoot}. */
	public static Path locate(Path kitRoot) {
		return locate(System.getenv(), Path.of(System.getProperty("user.home")), kitRoot);
	}

	static Path locate(Map<String, String> env, Path userHome, Path kitRoot) {
		List<String> commandLine = new ArrayList<>(mavenConfig(kitRoot));
		commandLine.addAll(words(env.get("MAVEN_ARGS")));
		Optional<String> fromCommandLine = lastProperty(commandLine);
		Optional<String> fromOpts = lastProperty(words(env.get("MAVEN_OPTS")));
		Optional<String> property = fromCommandLine.or(() -> fromOpts);
		if (property.isPresent()) {
			return absolute(interpolate(property.get(), env, userHome));
		}
		Path userSettings = option(commandLine, "-s", "--settings").map(Path::of)
			.orElse(userHome.resolve(".m2/settings.xml"));
		Optional<Path> globalSettings = option(commandLine, "-gs", "--global-settings").map(Path::of)
			.or(() -> Optional.ofNullable(env.get("MAVEN_HOME")).map((home) -> Path.of(home, "conf/settings.xml")));
		Optional<String> configured = settingsRepository(userSettings)
			.or(() -> globalSettings.flatMap(LocalRepository::settingsRepository));
		return configured.map((value) -> absolute(interpolate(value, env, userHome)))
			.orElse(userHome.resolve(".m2/repository"));
	}

	/**
	 * The options of {@code MAVEN_ARGS} that say where Maven's settings are ({@code -s}, {@code -gs} and their
	 * values), for Maven runs that start without {@code MAVEN_ARGS}.
	 */
	public static List<String> settingsOptions() {
		List<String> words = words(System.getenv("MAVEN_ARGS"));
		List<String> options = new ArrayList<>();
		option(words, "-s", "--settings").ifPresent((file) -> options.addAll(List.of("-s", absolute(file).toString())));
		option(words, "-gs", "--global-settings")
			.ifPresent((file) -> options.addAll(List.of("-gs", absolute(file).toString())));
		return options;
	}

	/** The path of an artifact's file in a repository ({@code com/acme/payments/payment-sdk/4.0.0/...jar}). */
	public static Path artifact(Path repository, String groupId, String artifactId, String version) {
		return repository.resolve(groupId.replace('.', '/'))
			.resolve(artifactId)
			.resolve(version)
			.resolve(artifactId + "-" + version + ".jar");
	}

	private static List<String> mavenConfig(Path kitRoot) {
		Path config = kitRoot.resolve(".mvn/maven.config");
		try {
			return Files.isRegularFile(config) ? words(Files.readString(config)) : List.of();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static Optional<String> lastProperty(List<String> words) {
		String value = null;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.startsWith("-D" + PROPERTY + "=")) {
				value = word.substring(PROPERTY.length() + 3);
			}
			else if (word.equals("-D") && i + 1 < words.size() && words.get(i + 1).startsWith(PROPERTY + "=")) {
				value = words.get(++i).substring(PROPERTY.length() + 1);
			}
		}
		return Optional.ofNullable(value).filter((v) -> !v.isBlank());
	}

	private static Optional<String> option(List<String> words, String shortName, String longName) {
		String value = null;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if ((word.equals(shortName) || word.equals(longName)) && i + 1 < words.size()) {
				value = words.get(++i);
			}
			else if (word.startsWith(longName + "=")) {
				value = word.substring(longName.length() + 1);
			}
		}
		return Optional.ofNullable(value);
	}

	/**
	 * {@code <localRepository>} of a settings file, if the file exists and sets it. A broken file is passed over:
	 * Maven itself refuses it, and the run that follows says so in its own words.
	 */
	static Optional<String> settingsRepository(Path settings) {
		byte[] content;
		try {
			content = Files.isRegularFile(settings) ? Files.readAllBytes(settings) : null;
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		if (content == null) {
			return Optional.empty();
		}
		return Xml.parse(content)
			.map((document) -> Xml.childText(document.getDocumentElement(), "localRepository"))
			.filter((value) -> !value.isEmpty());
	}

	/** {@code ${user.home}}, {@code ${env.NAME}} and other system properties, as Maven expands them in settings. */
	static String interpolate(String value, Map<String, String> env, Path userHome) {
		Matcher matcher = EXPRESSION.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String replacement;
			if (name.equals("user.home")) {
				replacement = userHome.toString();
			}
			else if (name.startsWith("env.")) {
				replacement = env.get(name.substring(4));
			}
			else {
				replacement = System.getProperty(name);
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement((replacement != null) ? replacement
					: matcher.group()));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static Path absolute(String path) {
		return Path.of(path).toAbsolutePath().normalize();
	}

	/** Splits a shell-style option string: whitespace separates, single and double quotes group. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

}
