package org.medops.integration.data;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * XML to its JSON form: {@code {"<root>": …}}; an element with neither attributes nor child elements is its
 * text; otherwise an object with {@code "@name"} per attribute, one key per child element name (a list when the
 * name repeats) and {@code "#text"} for text beside children. Names keep their prefix as written. DOCTYPEs are
 * refused (no external entities are ever read).
 */
final class XmlForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlForm() {
    }

    static JsonNode parse(String text) throws PayloadRejected {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (SAXParseException e) {
            throw new PayloadRejected("not XML: malformed at line " + e.getLineNumber() + ", column " + e.getColumnNumber());
        } catch (SAXException | java.io.IOException e) {
            throw new PayloadRejected("not XML: it cannot be parsed");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode form = NODES.objectNode();
        form.set(root.getTagName(), element(root));
        return form;
    }

    private static JsonNode element(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            object.put("@" + attribute.getName(), attribute.getValue());
        }
        StringBuilder text = new StringBuilder();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                JsonNode value = element(e);
                JsonNode existing = object.get(e.getTagName());
                if (existing == null) {
                    object.set(e.getTagName(), value);
                } else if (existing instanceof ArrayNode list) {
                    list.add(value);
                } else {
                    object.set(e.getTagName(), NODES.arrayNode().add(existing).add(value));
                }
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        String content = text.toString().strip();
        if (object.isEmpty()) {
            return NODES.stringNode(content);
        }
        if (!content.isEmpty()) {
            object.put("#text", content);
        }
        return object;
    }
}
