package io.firedrill.kit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code firedrill --version}, from the version Maven wrote into the kit. */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		return new String[] { "firedrill " + version() };
	}

	/** The kit's version, {@code unknown} when Maven did not write it. */
	static String version() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = VersionProvider.class.getResourceAsStream("/io/firedrill/kit/version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		return properties.getProperty("version", "unknown");
	}

}
