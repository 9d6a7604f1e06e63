package io.firedrill.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTests {

	@Test
	void markupAndQuotesBecomeEntitiesSoTextStaysTextInContentAndAttributes() {
		assertThat(HtmlText.escape("<a href=\"x\" title='y'>&</a>"))
			.isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
	}

	@Test
	void contentEscapingLeavesQuotesAsTheyAre() {
		assertThat(HtmlText.escapeContent("<i>\"it's\" & more</i>")).isEqualTo("&lt;i&gt;\"it's\" &amp; more&lt;/i&gt;");
	}

	@Test
	void noTextIsAnEmptyString() {
		assertThat(HtmlText.escape(null)).isEmpty();
		assertThat(HtmlText.escapeContent(null)).isEmpty();
	}

}
