package org.medops.integration.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What ships under {@code interop/}: the core interactions with their default channel and description
 * ({@code routes.tsv}), a sample message per HL7 v3 interaction ({@code samples/}) and MedOps' own schema of the
 * messages ({@code schemas/hl7v3-interop.xsd}, not the official HL7 v3 schemas).
 */
@Component
public class InteropCatalogue {

    private static final String SCHEMA = "interop/schemas/hl7v3-interop.xsd";

    /** A shipped interaction or resource type: its route, the channel the demo routes it to, its description. */
    public record Entry(String route, String channel, String description) {

        public boolean hl7v3() {
            return InteropRoute.kindOf(route) == InteropRoute.Kind.HL7V3;
        }
    }

    private final List<Entry> entries;
    private final Schema schema;
    private final Set<String> validated;

    InteropCatalogue() {
        this.entries = read();
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(new ClassPathResource(SCHEMA).getURL());
            var document = V3Message.parseXml(text(SCHEMA));
            Set<String> roots = new HashSet<>();
            for (var n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e && "element".equals(e.getLocalName())) {
                    roots.add(e.getAttribute("name"));
                }
            }
            this.validated = Set.copyOf(roots);
        } catch (SAXException | IOException | V3Message.Rejected e) {
            throw new IllegalStateException("the shipped interop schema does not load", e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<String> sample(String route) {
        if (InteropRoute.kindOf(route) != InteropRoute.Kind.HL7V3) {
            return Optional.empty();
        }
        ClassPathResource resource = new ClassPathResource("interop/samples/" + route + ".xml");
        return resource.exists() ? Optional.of(text("interop/samples/" + route + ".xml")) : Optional.empty();
    }

    /** Whether the shipped schema covers this interaction. */
    boolean validates(String interaction) {
        return validated.contains(interaction);
    }

    /** The schema's complaint (line, column and the validator's text, which names elements, not values), or none. */
    Optional<String> violation(String xml) {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
            return Optional.empty();
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            // Xerces quotes a value it refuses ("Value '' ..."): keep only what names the structure.
            if (message.contains("Value '")) {
                message = message.substring(0, message.indexOf(':') + 1) + " a value does not match its type";
            }
            return Optional.of("schema violation at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + message);
        } catch (SAXException e) {
            return Optional.of("schema violation");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Entry> read() {
        List<Entry> read = new ArrayList<>();
        for (String line : text("interop/routes.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            read.add(new Entry(cells[0].strip(), cells[1].strip(), cells.length > 2 ? cells[2].strip() : ""));
        }
        return List.copyOf(read);
    }

    private static String text(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("missing " + path, e);
        }
    }
}
