package io.firedrill.kit.guardrails.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.GuardrailResult;
import org.junit.jupiter.api.Test;

class GuardrailReportTests {

	@Test
	void whatTheCheckedShopWroteIsPrintedWithoutItsEscapeSequences() {
		// a changeset id, an author and a job's output line come from the shop checked, a candidate's maybe
		Finding finding = new Finding("required-column-breaks-old-writers",
				"db/changelog/releases/v2.4.0.yaml, changeset \u001b[2Jadd by \u001b]0;pwned\u0007eve",
				"order_metadata NOT NULL", "old writers do not set it", null);
		StringWriter text = new StringWriter();
		try (PrintWriter out = new PrintWriter(text)) {
			GuardrailReport.header(out, "/tmp/shop\u001b[31m", null);
			GuardrailReport.result(out, GuardrailResult.caught("migration-lint", "1 problem", List.of(finding),
					List.of("job said \u001b[5mhello")), true);
		}

		assertThat(text.toString()).doesNotContain("\u001b", "\u0007")
			.contains("guardrails on /tmp/shop\\u001b[31m", "changeset \\u001b[2Jadd by \\u001b]0;pwned\\u0007eve",
					"  - job said \\u001b[5mhello");
	}

}
