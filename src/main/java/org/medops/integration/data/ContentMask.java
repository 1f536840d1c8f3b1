package org.medops.integration.data;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import org.medops.integration.hl7.PatientMask;
import tools.jackson.databind.JsonNode;

/**
 * Where the patient identifiers of stored content are, whatever its data type: HL7 v2 by its PID/NK1 fields, JSON,
 * FHIR, XML and delimited text by the names of their fields (姓名, 身份证号, 病历号, phone, … anywhere; name, id,
 * identifier, telecom, address inside a patient). Each value found is then masked wherever it appears, in every
 * stage of the message. Content that cannot be read as any of them yields nothing: the caller hides it whole.
 */
public final class ContentMask {

    /** Field names that identify a patient wherever they appear (compared lower case, without _ - and spaces). */
    private static final Set<String> IDENTIFYING = Set.of("patientname", "patientid", "fullname", "姓名", "患者姓名",
            "病人姓名", "联系人", "联系人姓名", "contactname", "idcard", "idcardno", "idno", "idnumber", "identityno",
            "identitycard", "身份证", "身份证号", "身份证号码", "证件号", "证件号码", "病历号", "病案号", "住院号", "门诊号",
            "就诊卡号", "就诊号", "cardno", "medicalcardno", "mrn", "medicalrecordno", "medicalrecordnumber", "ssn",
            "insuranceno", "医保号", "医保卡号", "phone", "phoneno", "mobile", "mobileno", "tel", "telephone", "电话", "手机",
            "手机号", "联系电话", "address", "地址", "住址", "家庭住址", "telecom");

    /** Names that identify only inside a patient: an item's name or an order's id elsewhere is not the patient's. */
    private static final Set<String> IN_PATIENT = Set.of("name", "id", "identifier", "family", "given", "text", "value",
            "display", "reference", "extension", "line");

    /** Where a patient's own fields are: under these names, or at the top of a FHIR Patient. */
    private static final Set<String> PATIENT = Set.of("patient", "患者", "病人", "pid", "subject", "person",
            "patientinfo", "患者信息");

    /** Codes beside identifiers (an identifier's system, a telecom's use): not identifying themselves. */
    private static final Set<String> CODES = Set.of("system", "use", "type", "code", "root", "resourcetype", "rank",
            "period", "assigner");

    private ContentMask() {
    }

    public static Optional<PatientMask> of(String content) {
        if (content == null) {
            return Optional.empty();
        }
        String text = content.strip();
        try {
            if (text.startsWith("MSH")) {
                return Optional.of(PatientMask.of(Hl7Message.parse(content)));
            }
            DataType type = text.startsWith("{") || text.startsWith("[") ? DataType.JSON
                    : text.startsWith("<") ? DataType.XML : DataType.DELIMITED;
            if (type == DataType.DELIMITED && !tabular(text)) {
                return Optional.empty(); // free text: nothing tells where a name in it is
            }
            JsonNode tree = ((TreePayload) Payloads.parse(type, content)).tree();
            Set<String> values = new LinkedHashSet<>();
            boolean patientResource = tree.isObject() && tree.path("resourceType").isString()
                    && Set.of("Patient", "Person", "RelatedPerson").contains(tree.path("resourceType").asString());
            walk(tree, patientResource, false, values);
            return Optional.of(PatientMask.ofValues(values));
        } catch (Hl7Rejected | PayloadRejected | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A header line naming at least two columns and at least one row below it. */
    private static boolean tabular(String text) {
        int end = text.indexOf('\n');
        if (end < 0 || text.substring(end + 1).isBlank()) {
            return false;
        }
        String header = text.substring(0, end);
        return header.indexOf('\t') >= 0 || header.indexOf(',') >= 0 || header.indexOf(';') >= 0;
    }

    private static void walk(JsonNode node, boolean inPatient, boolean identifying, Set<String> values) {
        if (node.isValueNode()) {
            if (identifying && !node.isNull()) {
                values.add(node.asString());
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, inPatient, identifying, values));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = normalised(field.getKey());
                boolean patient = inPatient || PATIENT.contains(name);
                boolean marks = !CODES.contains(name)
                        && (identifying || IDENTIFYING.contains(name) || inPatient && IN_PATIENT.contains(name));
                walk(field.getValue(), patient, marks, values);
            }
        }
    }

    private static String normalised(String name) {
        // XmlForm keeps attributes as "@name": an attribute identifies as its element's field would.
        String plain = name.startsWith("@") ? name.substring(1) : name;
        plain = plain.substring(plain.indexOf(':') + 1); // a namespace prefix, as in hl7:patient
        return plain.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }
}
