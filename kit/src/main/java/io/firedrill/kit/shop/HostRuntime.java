package io.firedrill.kit.shop;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the shop's hosts carry besides its jars, as {@value #FILE} says: one version per library
 * ({@code payment-sdk.version=4.0.0}). The services and jobs are compiled against an SDK and run on the hosts' one,
 * so every command that runs or judges the shop reads this file, and reads it here.
 * @param versions version by library name, sorted by name
 */
public record HostRuntime(Map<String, String> versions) {

	/** Where a release says what its hosts carry, relative to the shop's root. */
	public static final String FILE = "deploy/runtime.properties";

	/** The payment SDK's library name, its artifactId. */
	public static final String PAYMENT_SDK = "payment-sdk";

	/** A shop whose hosts carry nothing it says. */
	public static final HostRuntime NONE = new HostRuntime(Map.of());

	private static final String SUFFIX = ".version";

	public HostRuntime {
		versions = Map.copyOf(versions);
	}

	/**
	 * What a release's {@value #FILE} says: {@link #NONE} when the file is missing or is not a properties file.
	 * @throws UncheckedIOException when it exists and cannot be read
	 */
	public static HostRuntime read(Path shop) {
		try {
			return parse(Files.readString(shop.resolve(FILE), StandardCharsets.ISO_8859_1));
		}
		catch (NoSuchFileException ex) {
			return NONE;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a {@value #FILE}'s content says (from a commit's tree, for one); {@link #NONE} for a malformed one. */
	public static HostRuntime parse(byte[] content) {
		return parse(new String(content, StandardCharsets.ISO_8859_1));
	}

	private static HostRuntime parse(String content) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(content));
		}
		catch (IOException | IllegalArgumentException ex) {
			// a malformed \\u escape: the hosts' tooling could not read it either
			return NONE;
		}
		Map<String, String> versions = new TreeMap<>();
		for (String key : properties.stringPropertyNames()) {
			String value = properties.getProperty(key).strip();
			if (key.endsWith(SUFFIX) && key.length() > SUFFIX.length() && !value.isEmpty()) {
				versions.put(key.substring(0, key.length() - SUFFIX.length()), value);
			}
		}
		return new HostRuntime(versions);
	}

	/** The version of a library the hosts carry, if the file names one. */
	public Optional<String> version(String library) {
		return Optional.ofNullable(this.versions.get(library));
	}

	/** The payment SDK's version the hosts carry, if the file names one. */
	public Optional<String> paymentSdk() {
		return version(PAYMENT_SDK);
	}

	/** The libraries by name, sorted. */
	public List<Map.Entry<String, String>> libraries() {
		return this.versions.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
	}

	/**
	 * The hosts' payment SDK jar as the shop's own build made it: {@code <module>/target/payment-sdk-<version>.jar}
	 * in any of its top-level modules (the shop keeps one module per SDK line), the first by folder name.
	 */
	public Optional<Path> builtPaymentSdk(Path shop) {
		Optional<String> version = paymentSdk();
		if (version.isEmpty()) {
			return Optional.empty();
		}
		String jar = PAYMENT_SDK + "-" + version.get() + ".jar";
		try (Stream<Path> modules = Files.list(shop)) {
			return modules.sorted(Comparator.comparing(Path::toString)).map((module) -> module.resolve("target").resolve(jar))
				.filter(Files::isRegularFile).findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
