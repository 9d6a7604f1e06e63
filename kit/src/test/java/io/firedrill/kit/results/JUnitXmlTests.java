package io.firedrill.kit.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardSamples;

class JUnitXmlTests {

	@ParameterizedTest
	@MethodSource("io.firedrill.kit.results.Schemas#cards")
	void everyCardIsValidAgainstTheJenkinsJunitSchema(Scorecard card) {
		assertThat(Schemas.junitProblems(JUnitXml.write(card))).isEmpty();
	}

	@Test
	void theSchemaCatchesATestcaseWithoutAName() {
		String xml = JUnitXml.write(ScorecardSamples.passing()).replaceFirst(" name=\"compatible-migration\"", "");
		assertThat(Schemas.junitProblems(xml)).isNotEmpty();
	}

	@Test
	void eachCriterionIsATestcaseOfTheIncidentsSuiteThatFailsUnlessItPassed() throws Exception {
		Document xml = parse(JUnitXml.write(ScorecardSamples.card("charged $72.00")));
		Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
		assertThat(suite.getAttribute("name")).isEqualTo("firedrill.release-2.4.0");
		assertThat(suite.getAttribute("tests")).isEqualTo("3");
		assertThat(suite.getAttribute("failures")).isEqualTo("1");
		assertThat(suite.getAttribute("skipped")).isEqualTo("1");
		NodeList cases = xml.getElementsByTagName("testcase");
		assertThat(cases.getLength()).isEqualTo(3);
		Element partial = (Element) cases.item(0);
		assertThat(partial.getAttribute("classname")).isEqualTo("firedrill.release-2.4.0");
		assertThat(partial.getAttribute("name")).isEqualTo("flag-gated-backend");
		Element failure = (Element) partial.getElementsByTagName("failure").item(0);
		assertThat(failure.getAttribute("message")).isEqualTo("partial (mitigated, not gated): 4 / 10 points");
		assertThat(failure.getTextContent()).contains("FlagOffTests#withTheFlagOffNobodyGetsADiscount: charged $72.00");
		assertThat(((Element) cases.item(1)).getChildNodes().getLength()).isZero();
		Element notGraded = (Element) cases.item(2);
		assertThat(notGraded.getElementsByTagName("skipped").item(0).getTextContent())
			.contains("order-retry-job did not build");
		assertThat(notGraded.getElementsByTagName("failure").getLength()).isZero();
	}

	@Test
	void theSuitePropertiesCarryThePointsAndAVoidedCardScoresZero() throws Exception {
		Document xml = parse(JUnitXml.write(ScorecardSamples.voided()));
		assertThat(property(xml, "points")).isEqualTo("0");
		assertThat(property(xml, "max")).isEqualTo("30");
		assertThat(property(xml, "points.compatible-migration")).isEqualTo("0/10");
		assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).contains("voided: ");
	}

	@Test
	void hostileEvidenceIsEscapedAndCharactersXmlCannotCarryAreReplaced() throws Exception {
		String xml = JUnitXml.write(ScorecardSamples.failing(Schemas.HOSTILE));
		assertThat(xml).doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\u001b")
			.doesNotContain("<x y=").doesNotContain("]]></failure>");
		Document parsed = parse(xml);
		assertThat(parsed.getElementsByTagName("x").getLength()).isZero();
		String text = parsed.getElementsByTagName("failure").item(0).getTextContent();
		assertThat(text).contains("expected <5> but was <\"7\"> & ]]></failure><x y='1'/>")
			.contains("\uFFFD\uFFFD\uFFFD[31m\uFFFD ok \uD83D\uDE00");
	}

	private static String property(Document xml, String name) {
		NodeList properties = xml.getElementsByTagName("property");
		for (int i = 0; i < properties.getLength(); i++) {
			Element property = (Element) properties.item(i);
			if (property.getAttribute("name").equals(name)) {
				return property.getAttribute("value");
			}
		}
		return null;
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

}
