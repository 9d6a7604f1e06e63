package io.firedrill.kit.catalog;

import java.util.List;

/** {@code incident.yaml} as written; {@link Catalog} validates it into an {@link Incident}. */
record IncidentFile(String id, String title, String tag, String base, String release, Boolean releaseTag,
		String timebox, List<String> criteria, List<PrEntry> prs, String brief, List<String> spoilers, Boolean demo,
		List<String> hints) {

	record PrEntry(Integer number, String title, String patch) {
	}

}
