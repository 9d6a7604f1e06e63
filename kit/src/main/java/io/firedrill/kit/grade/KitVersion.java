package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kit's version, as Maven wrote it into the jar (public: cohort compares it to skip what this kit graded). */
public final class KitVersion {

	private KitVersion() {
	}

	public static String version() {
		Properties properties = new Properties();
		try (InputStream in = KitVersion.class.getResourceAsStream("/io/firedrill/kit/version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// unknown
		}
		String version = properties.getProperty("version", "unknown");
		return version.startsWith("@") ? "unknown" : version;
	}

}
