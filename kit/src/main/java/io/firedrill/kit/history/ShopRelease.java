package io.firedrill.kit.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.firedrill.kit.catalog.Catalog;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Who made the shop's releases and when: every identity and date the kit writes into a commit or a tag is
 * here, fixed, so that the same inputs always give the same object ids.
 */
public final class ShopRelease {

	/** The healthy release every incident's series applies to: the catalog's {@link Catalog#BASE_TAG}. */
	public static final String BASE_TAG = Catalog.BASE_TAG;

	static final String BASE_MESSAGE = "Release 2.3.0\n";

	/** Author, committer and tagger of the base commit and of the release tags. */
	static final PersonIdent RELEASE_ENGINEERING = new PersonIdent("Acme Release Engineering",
			"release@acme.example", Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

	static final String ON_CALL_NAME = "Acme On-Call";

	static final String ON_CALL_EMAIL = "oncall@acme.example";

	/** A release is cut this long after its last PR. */
	static final Duration RELEASE_CUT_DELAY = Duration.ofDays(1);

	/** The on-call brief is committed this long after the last commit (the incident is that day's). */
	static final Duration BRIEF_DELAY = Duration.ofHours(6);

	static final String BRIEF_FILE = "BRIEF.md";

	static final String BRIEF_MESSAGE = "Add on-call brief\n";

	private ShopRelease() {
	}

	/** Tag of a release version: {@code 2.4.0} gives {@code v2.4.0}. */
	public static String releaseTag(String version) {
		return "v" + version;
	}

	static String releaseMessage(String version) {
		return "Release " + version + "\n";
	}

	/** The on-call's identity at a given time, in the time zone of {@code after}. */
	static PersonIdent onCall(PersonIdent after) {
		return new PersonIdent(ON_CALL_NAME, ON_CALL_EMAIL, after.getWhenAsInstant().plus(BRIEF_DELAY),
				after.getZoneId());
	}

	/** Release engineering cutting a release, {@link #RELEASE_CUT_DELAY} after the last PR was committed. */
	static PersonIdent releaseCut(PersonIdent lastPr) {
		return new PersonIdent(RELEASE_ENGINEERING.getName(), RELEASE_ENGINEERING.getEmailAddress(),
				lastPr.getWhenAsInstant().plus(RELEASE_CUT_DELAY), lastPr.getZoneId());
	}

	/** The release engineer tagging at the time of the tagged commit. */
	static PersonIdent tagger(PersonIdent committer) {
		return new PersonIdent(RELEASE_ENGINEERING.getName(), RELEASE_ENGINEERING.getEmailAddress(),
				committer.getWhenAsInstant(), committer.getZoneId());
	}

}
