package io.firedrill.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.support.FakeClone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchFileTests {

	private static final String FOLDED = """
			From 4f1c2a7e9b0d3c5e6f7a8b9c0d1e2f3a4b5c6d7e Mon Sep 17 00:00:00 2001
			From: Jane Doe <jane@acme.example>
			Date: Tue, 3 Nov 2026 08:05:09 -0500
			Subject: [PATCH 2/3] Discount codes behind the discount_codes flag: validate
			 the code at checkout for totals over $50
			MIME-Version: 1.0
			Content-Type: text/plain; charset=UTF-8
			Content-Transfer-Encoding: 8bit

			Offer the discount input only to users in the rollout.\s\s

			Refs: SHOP-1234
			---
			 checkout-service/src/main/java/Checkout.java | 1 +
			 1 file changed, 1 insertion(+)

			diff --git a/checkout-service/src/main/java/Checkout.java b/checkout-service/src/main/java/Checkout.java
			index 1111111..2222222 100644
			--- a/checkout-service/src/main/java/Checkout.java
			+++ b/checkout-service/src/main/java/Checkout.java
			@@ -1 +1,2 @@
			 class Checkout {
			+}
			--\s
			2.39.5
			""";

	@Test
	void readsAuthorDateAndTimeZoneFromTheMailHeader() {
		PatchFile patch = parse(FOLDED);

		assertThat(patch.author().getName()).isEqualTo("Jane Doe");
		assertThat(patch.author().getEmailAddress()).isEqualTo("jane@acme.example");
		assertThat(patch.author().getWhenAsInstant()).isEqualTo(Instant.parse("2026-11-03T13:05:09Z"));
		assertThat(patch.author().getZoneOffset()).isEqualTo(ZoneOffset.ofHours(-5));
	}

	@Test
	void unfoldsALongSubjectAndDropsThePatchPrefix() {
		assertThat(parse(FOLDED).subject()).isEqualTo(
				"Discount codes behind the discount_codes flag: validate the code at checkout for totals over $50");
	}

	@Test
	void keepsTheBodyUpToTheDiffstatSeparator() {
		PatchFile patch = parse(FOLDED);

		assertThat(patch.body()).isEqualTo("Offer the discount input only to users in the rollout.\n\nRefs: SHOP-1234");
		assertThat(patch.message()).isEqualTo(
				"Discount codes behind the discount_codes flag: validate the code at checkout for totals over $50\n\n"
						+ "Offer the discount input only to users in the rollout.\n\nRefs: SHOP-1234\n");
	}

	@Test
	void aPatchWithoutBodyHasTheSubjectAsMessage() {
		PatchFile patch = parse(FOLDED.replace("Offer the discount input only to users in the rollout.  \n\n"
				+ "Refs: SHOP-1234\n", ""));

		assertThat(patch.body()).isEmpty();
		assertThat(patch.message()).endsWith("over $50\n").doesNotContain("\n\n");
	}

	@Test
	void decodesNamesAndSubjectsThatGitEncoded() {
		PatchFile patch = parse(FOLDED
			.replace("From: Jane Doe", "From: =?UTF-8?q?Dana=20=C3=98deg=C3=A5rd?=")
			.replace("Subject: [PATCH 2/3] Discount codes behind the discount_codes flag: validate\n",
					"Subject: [PATCH] =?UTF-8?q?Caf=C3=A9=20discount=20codes=20behind=20the=20fl?=\n =?UTF-8?q?ag?=\n")
			.replace(" the code at checkout for totals over $50\n", ""));

		assertThat(patch.author().getName()).isEqualTo("Dana Ødegård");
		assertThat(patch.subject()).isEqualTo("Café discount codes behind the flag");
	}

	@Test
	void readsWhatGitFormatPatchWrote(@TempDir Path dir) {
		FakeClone clone = FakeClone.create(dir);

		PatchFile patch = PatchFile.parse(FakeClone.UNGATED_PATCH,
				clone.patch(FakeClone.UNGATED, FakeClone.UNGATED_PATCH));

		assertThat(patch.subject()).isEqualTo(FakeClone.UNGATED_SUBJECT);
		assertThat(patch.body()).isEqualTo(FakeClone.UNGATED_BODY);
		assertThat(patch.author().getName()).isEqualTo(FakeClone.UNGATED_AUTHOR);
		assertThat(patch.author().getEmailAddress()).isEqualTo("dana@acme.example");
		assertThat(patch.author().getWhenAsInstant()).isEqualTo(Instant.parse("2026-11-02T12:12:00Z"));
		assertThat(patch.author().getZoneOffset()).isEqualTo(ZoneOffset.ofHours(1));
	}

	@Test
	void aFileWithoutMailHeaderIsNotUsable() {
		assertThatThrownBy(() -> parse("diff --git a/x b/x\n"))
			.isInstanceOfSatisfying(FiredrillException.class,
					(ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INPUT))
			.hasMessageContaining("patch 0001-x.patch");
	}

	@Test
	void aDateThatIsNotRfc2822IsNotUsable() {
		assertThatThrownBy(() -> parse(FOLDED.replace("Tue, 3 Nov 2026 08:05:09 -0500", "2026-11-03 08:05")))
			.isInstanceOf(FiredrillException.class)
			.hasMessageContaining("Date:");
	}

	@Test
	void aPatchWithoutDiffIsNotUsable() {
		assertThatThrownBy(() -> parse(FOLDED.substring(0, FOLDED.indexOf("diff --git"))))
			.isInstanceOf(FiredrillException.class)
			.hasMessageContaining("no diff");
	}

	private static PatchFile parse(String text) {
		return PatchFile.parse("0001-x.patch", text.getBytes(StandardCharsets.UTF_8));
	}

}
