package io.firedrill.kit.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names and quoting in the files {@code new-incident} drafts. */
class DraftTextTests {

	@Test
	void patchFileNamesAndSuiteNamesFollowTheSubjectAndTheCriterion() {
		assertThat(DraftText.slug("Upgrade the payment SDK to 4.0!")).isEqualTo("upgrade-the-payment-sdk-to-4-0");
		assertThat(DraftText.Suite.of("renewal-window"))
			.isEqualTo(new DraftText.Suite("renewalwindow", "RenewalWindowTests", "aFixOfRenewalWindowDoesWhatTheCriterionSays"));
		assertThat(DraftText.quoted("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\x0a\"");
	}

}
