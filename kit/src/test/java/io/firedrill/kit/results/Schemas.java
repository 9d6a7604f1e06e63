package io.firedrill.kit.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardSamples;

/** The published schemas of {@code src/test/resources/schemas} (see its README), and the cards every writer renders. */
final class Schemas {

	/** Text a candidate's code could print into a hidden test's failure message. */
	static final String HOSTILE = "expected <5> but was <\"7\"> & ]]></failure><x y='1'/>\u0000\u0007\u001b[31m\uD800 ok \uD83D\uDE00\r\n| `tick` |";

	private Schemas() {
	}

	/** The sample cards by name: pass, partial, fail, not graded, voided. */
	static List<Scorecard> cards() {
		return List.of(ScorecardSamples.passing(), ScorecardSamples.card("charged $72.00"),
				ScorecardSamples.failing(HOSTILE), ScorecardSamples.notGraded(), ScorecardSamples.voided());
	}

	/** What {@code junit-10.xsd} finds wrong with {@code xml}: empty when it is valid. */
	static List<String> junitProblems(String xml) {
		List<String> problems = new ArrayList<>();
		try (InputStream xsd = resource("junit-10.xsd")) {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			Validator validator = factory.newSchema(new StreamSource(xsd)).newValidator();
			validator.setErrorHandler(new ErrorHandler() {
				@Override
				public void warning(SAXParseException ex) {
				}

				@Override
				public void error(SAXParseException ex) {
					problems.add(ex.getLineNumber() + ": " + ex.getMessage());
				}

				@Override
				public void fatalError(SAXParseException ex) {
					problems.add(ex.getLineNumber() + ": " + ex.getMessage());
				}
			});
			validator.validate(new StreamSource(new StringReader(xml)));
		}
		catch (SAXException ex) {
			problems.add("not well-formed: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return problems;
	}

	/** What the JSON Schema {@code name} finds wrong with {@code json}: empty when it is valid. */
	static List<String> jsonProblems(String name, SpecificationVersion dialect, String json) {
		try (InputStream in = resource(name)) {
			Schema schema = SchemaRegistry.withDefaultDialect(dialect).getSchema(in);
			return schema.validate(json, com.networknt.schema.InputFormat.JSON).stream().map(Object::toString).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String name) {
		InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name);
		if (in == null) {
			throw new IllegalStateException("no schema " + name + " in src/test/resources/schemas");
		}
		return in;
	}

}
