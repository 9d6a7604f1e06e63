package io.firedrill.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TerminalTextTests {

	@Test
	void escapeSequencesAndControlCharactersArePrintedAsTheirEscapes() {
		// a title change, a screen clear and a colour, as a ref name could carry them
		assertThat(TerminalText.safe("refs/heads/\u001b]0;pwned\u0007\u001b[2J\u001b[31mred"))
			.isEqualTo("refs/heads/\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31mred");
		assertThat(TerminalText.safe("two\nlines\r\u007f\u009b")).isEqualTo("two\\u000alines\\u000d\\u007f\\u009b");
	}

	@Test
	void bidirectionalOverridesAreEscapedSoTheyCannotReorderWhatIsShown() {
		assertThat(TerminalText.safe("fix\u202egnp.exe")).isEqualTo("fix\\u202egnp.exe");
		assertThat(TerminalText.safe("a\u2066b\u2069")).isEqualTo("a\\u2066b\\u2069");
	}

	@Test
	void plainTextTabsAndOtherScriptsAreLeftAlone() {
		assertThat(TerminalText.safe("Dana Ødegård\tincident/release-2.4.0 → 35 / 35")).isEqualTo(
				"Dana Ødegård\tincident/release-2.4.0 → 35 / 35");
		assertThat(TerminalText.safe(Path.of("/tmp/x\u001by"))).isEqualTo("/tmp/x\\u001by");
		assertThat(TerminalText.safe((String) null)).isNull();
	}

}
