package io.firedrill.kit.maven;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a Maven XML file (a POM, a settings file) that may come from a stranger: no DTD, no external entity, and
 * nothing printed when it is not well-formed.
 */
public final class Xml {

	private Xml() {
	}

	/** The document, or nothing when it is not well-formed XML or declares a DTD. */
	public static Optional<Document> parse(byte[] content) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setNamespaceAware(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			return Optional.of(builder.parse(new ByteArrayInputStream(content)));
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

}
