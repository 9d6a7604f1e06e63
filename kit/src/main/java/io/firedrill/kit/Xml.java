package io.firedrill.kit;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML that may come from a stranger (a candidate's POMs and test reports, the user's Maven settings, Maven's
 * effective POM of a candidate's build), read one way: no DTD, no external entity, nothing printed when it is not
 * well-formed, and walked by direct child elements, as Maven reads a POM.
 */
public final class Xml {

	private Xml() {
	}

	/** A new parser for such a file (a parser is not thread-safe). */
	public static DocumentBuilder parser() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The document, or nothing when it is not well-formed XML or declares a DTD. */
	public static Optional<Document> parse(byte[] content) {
		try {
			return Optional.of(parser().parse(new ByteArrayInputStream(content)));
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** The first direct child element with that name, or {@code null} (also under no parent). */
	public static Element child(Element parent, String name) {
		List<Element> children = children(parent, name);
		return children.isEmpty() ? null : children.get(0);
	}

	/** The direct child elements with that name, or all of them for a {@code null} name; none under no parent. */
	public static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		for (Node node = (parent != null) ? parent.getFirstChild() : null; node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
				children.add(element);
			}
		}
		return children;
	}

	/** The stripped text of the first direct child element with that name, or {@code null} without one. */
	public static String childText(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().strip() : null;
	}

}
