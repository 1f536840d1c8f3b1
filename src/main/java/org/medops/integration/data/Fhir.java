package org.medops.integration.data;

import java.util.Set;
import java.util.TreeSet;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** FHIR R4 through HAPI: a resource parsed strictly (unknown elements and wrong values refused). */
public final class Fhir {

    /** Building a context reads every R4 definition (a second or two): once, on first use. */
    private static final class Holder {
        static final FhirContext R4 = FhirContext.forR4();
    }

    private Fhir() {
    }

    record Resource(String type, String id) {
    }

    static Resource parse(String text) throws PayloadRejected {
        IParser parser = Holder.R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            IBaseResource resource = parser.parseResource(text);
            String id = resource.getIdElement() == null || resource.getIdElement().getIdPart() == null ? ""
                    : resource.getIdElement().getIdPart();
            return new Resource(Holder.R4.getResourceType(resource), id);
        } catch (DataFormatException e) {
            throw new PayloadRejected("not a valid FHIR R4 resource: " + clip(e.getMessage()));
        } catch (RuntimeException e) {
            throw new PayloadRejected("not a valid FHIR R4 resource");
        }
    }

    /** Whether R4 defines a resource of this name (Patient, Observation, …). */
    public static boolean isResourceType(String name) {
        return name != null && resourceTypes().contains(name);
    }

    public static Set<String> resourceTypes() {
        return new TreeSet<>(Holder.R4.getResourceTypes());
    }

    /** HAPI's messages name the element and the problem; long ones are cut. */
    private static String clip(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.replaceAll("^HAPI-\\d+: ", "");
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
