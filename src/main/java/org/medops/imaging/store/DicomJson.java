package org.medops.imaging.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medops.imaging.dicom.DicomDataset;
import org.medops.imaging.dicom.DicomElement;
import org.medops.imaging.dicom.Tags;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DICOM JSON model (PS3.18 F.2): attributes keyed by "GGGGEEEE", each {"vr", "Value": […]}, person names as
 * {"Alphabetic"}. Bulk data (pixel data, OB/OW/UN values) is left out. Patient identifiers come already masked or
 * whole, as the caller's rights decide.
 */
final class DicomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NUMERIC_TEXT = Set.of("DS", "IS");
    private static final Set<String> BINARY_NUMBERS = Set.of("US", "SS", "UL", "SL", "FL", "FD");
    private static final Set<String> BULK = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");
    private static final Set<Integer> IDENTIFYING = Set.of(Tags.PATIENT_ID, Tags.PATIENT_NAME,
            Tags.PATIENT_BIRTH_DATE, 0x00101000, 0x00101001, 0x00101040, 0x00102154);

    private DicomJson() {
    }

    static ObjectNode study(InstanceIndex.StudyRow s, StoredInstance.Patient p) {
        ObjectNode o = NODES.objectNode();
        text(o, Tags.STUDY_INSTANCE_UID, "UI", s.studyUid());
        text(o, Tags.STUDY_DATE, "DA", s.studyDate());
        text(o, Tags.STUDY_TIME, "TM", s.studyTime());
        text(o, Tags.ACCESSION_NUMBER, "SH", s.accessionNumber());
        text(o, Tags.STUDY_DESCRIPTION, "LO", s.studyDescription());
        name(o, Tags.PATIENT_NAME, p.name());
        text(o, Tags.PATIENT_ID, "LO", p.id());
        text(o, Tags.PATIENT_SEX, "CS", p.sex());
        text(o, Tags.PATIENT_BIRTH_DATE, "DA", p.birthDate());
        ArrayNode modalities = NODES.arrayNode();
        s.modalities().forEach(modalities::add);
        o.set(key(0x00080061), NODES.objectNode().put("vr", "CS").set("Value", modalities));
        number(o, 0x00201206, "IS", s.series());
        number(o, 0x00201208, "IS", s.instances());
        return o;
    }

    static ObjectNode series(InstanceIndex.SeriesRow s) {
        ObjectNode o = NODES.objectNode();
        text(o, Tags.STUDY_INSTANCE_UID, "UI", s.studyUid());
        text(o, Tags.SERIES_INSTANCE_UID, "UI", s.seriesUid());
        text(o, Tags.MODALITY, "CS", s.modality());
        text(o, Tags.SERIES_DESCRIPTION, "LO", s.seriesDescription());
        if (s.seriesNumber() != null) {
            number(o, Tags.SERIES_NUMBER, "IS", s.seriesNumber());
        }
        number(o, 0x00201209, "IS", s.instances());
        return o;
    }

    static ObjectNode instance(StoredInstance i) {
        ObjectNode o = NODES.objectNode();
        text(o, Tags.SOP_CLASS_UID, "UI", i.sopClassUid());
        text(o, Tags.SOP_INSTANCE_UID, "UI", i.sopInstanceUid());
        text(o, Tags.STUDY_INSTANCE_UID, "UI", i.studyUid());
        text(o, Tags.SERIES_INSTANCE_UID, "UI", i.seriesUid());
        text(o, Tags.MODALITY, "CS", i.modality());
        if (i.instanceNumber() != null) {
            number(o, Tags.INSTANCE_NUMBER, "IS", i.instanceNumber());
        }
        number(o, Tags.ROWS, "US", i.rows());
        number(o, Tags.COLUMNS, "US", i.columns());
        number(o, Tags.NUMBER_OF_FRAMES, "IS", i.frames());
        text(o, Tags.TRANSFER_SYNTAX_UID, "UI", i.transferSyntax());
        return o;
    }

    /** Every non-bulk attribute of the data set, sequences included. */
    static ObjectNode metadata(DicomDataset d, boolean unmasked) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<Integer, DicomElement> e : d.elements().entrySet()) {
            int tag = e.getKey();
            String vr = e.getValue().vr();
            if (tag == Tags.PIXEL_DATA || BULK.contains(vr) || (tag >>> 16) == 0x0002 && tag != Tags.TRANSFER_SYNTAX_UID
                    || (tag & 0xFFFF) == 0) {
                continue;
            }
            ObjectNode attribute = NODES.objectNode().put("vr", vr);
            ArrayNode values = NODES.arrayNode();
            if (vr.equals("SQ")) {
                e.getValue().items().forEach(item -> values.add(metadata(item, unmasked)));
            } else if (BINARY_NUMBERS.contains(vr) || NUMERIC_TEXT.contains(vr)) {
                for (double v : d.doubles(tag)) {
                    if (v == Math.rint(v) && !vr.startsWith("F") && !vr.equals("DS")) {
                        values.add((long) v);
                    } else {
                        values.add(v);
                    }
                }
            } else {
                List<String> texts = d.strings(tag);
                for (String t : texts) {
                    String shown = !unmasked && IDENTIFYING.contains(tag) ? PatientMask.mask(t) : t;
                    if (vr.equals("PN")) {
                        values.add(NODES.objectNode().put("Alphabetic", shown));
                    } else {
                        values.add(shown);
                    }
                }
            }
            if (!values.isEmpty()) {
                attribute.set("Value", values);
            }
            o.set(key(tag), attribute);
        }
        return o;
    }

    private static String key(int tag) {
        return String.format("%08X", tag);
    }

    private static void text(ObjectNode o, int tag, String vr, String value) {
        ObjectNode attribute = NODES.objectNode().put("vr", vr);
        if (value != null && !value.isEmpty()) {
            attribute.set("Value", NODES.arrayNode().add(value));
        }
        o.set(key(tag), attribute);
    }

    private static void name(ObjectNode o, int tag, String value) {
        ObjectNode attribute = NODES.objectNode().put("vr", "PN");
        if (value != null && !value.isEmpty()) {
            attribute.set("Value", NODES.arrayNode().add(NODES.objectNode().put("Alphabetic", value)));
        }
        o.set(key(tag), attribute);
    }

    private static void number(ObjectNode o, int tag, String vr, long value) {
        o.set(key(tag), NODES.objectNode().put("vr", vr).set("Value", NODES.arrayNode().add(value)));
    }
}
