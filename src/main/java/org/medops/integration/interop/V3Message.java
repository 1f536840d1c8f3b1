package org.medops.integration.interop;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An HL7 v3 message as national platforms send it: the interaction (root element, {@code interactionId}), its
 * message id ({@code id/@extension}), the sender's device id and — for the patient services — the patient's id.
 */
record V3Message(Document document, String root, String interactionId, String messageId, String senderId) {

    static final String NS = "urn:hl7-org:v3";

    /** Well-formed XML, namespace-aware, with no DOCTYPE (no external entity is ever read). */
    static Document parseXml(String text) throws Rejected {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new Rejected("not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber());
        } catch (SAXException | java.io.IOException e) {
            throw new Rejected("not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static V3Message parse(String text) throws Rejected {
        if (text == null || text.isBlank()) {
            throw new Rejected("the message is empty");
        }
        Document document = parseXml(text.strip());
        Element root = document.getDocumentElement();
        return new V3Message(document, root.getLocalName(),
                child(root, "interactionId").map(e -> e.getAttribute("extension")).orElse(""),
                child(root, "id").map(e -> e.getAttribute("extension")).orElse(""),
                child(root, "sender").flatMap(s -> child(s, "device")).flatMap(d -> child(d, "id"))
                        .flatMap(i -> child(i, "item")).map(i -> i.getAttribute("extension")).orElse(""));
    }

    /** The patient's id: a registration's or update's {@code patient/id/item}, a query's {@code livingSubjectId/value}. */
    Optional<String> patientId() {
        Optional<String> registered = first("patient").flatMap(p -> child(p, "id")).flatMap(i -> child(i, "item"))
                .map(i -> i.getAttribute("extension")).filter(s -> !s.isBlank());
        if (registered.isPresent()) {
            return registered;
        }
        return first("livingSubjectId").flatMap(s -> child(s, "value")).map(v -> v.getAttribute("extension"))
                .filter(s -> !s.isBlank());
    }

    /** The first element of this name anywhere in the message. */
    Optional<Element> first(String localName) {
        NodeList found = document.getElementsByTagNameNS("*", localName);
        return found.getLength() == 0 ? Optional.empty() : Optional.of((Element) found.item(0));
    }

    static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static String text(Node node) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** The message cannot be read as HL7 v3 XML; the reason is readable and never quotes the content. */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason);
        }
    }
}
