package io.firedrill.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XmlTests {

	@Test
	void aDocumentDeclaringADtdIsNotReadSoNoEntityOfItsOwnIsExpanded() {
		byte[] xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<project><version>&secret;</version></project>
				""".getBytes(StandardCharsets.UTF_8);

		assertThat(Xml.parse(xxe)).isEmpty();
		assertThat(Xml.parse("<project>".getBytes(StandardCharsets.UTF_8))).as("not well-formed").isEmpty();
	}

	@Test
	void childrenAreTheDirectChildElementsByNameOrAllOfThem() {
		Element project = Xml.parse("""
				<project><modules><module>a</module><!-- b --><module> c </module><other/></modules>
				<build><modules><module>nested</module></modules></build></project>
				""".getBytes(StandardCharsets.UTF_8)).orElseThrow().getDocumentElement();

		Element modules = Xml.child(project, "modules");
		assertThat(Xml.children(modules, "module")).extracting(Element::getTextContent).containsExactly("a", " c ");
		assertThat(Xml.children(modules, null)).extracting(Element::getTagName).containsExactly("module", "module",
				"other");
		assertThat(Xml.childText(modules, "module")).isEqualTo("a");
	}

	@Test
	void underNoParentThereIsNoChild() {
		assertThat(Xml.child(null, "modules")).isNull();
		assertThat(Xml.children(null, "module")).isEmpty();
		assertThat(Xml.childText(null, "version")).isNull();
	}

}
