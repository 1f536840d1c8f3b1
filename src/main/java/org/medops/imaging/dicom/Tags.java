package org.medops.imaging.dicom;

/** The attribute tags MedOps reads or writes, as (group << 16 | element). */
public final class Tags {

    private Tags() {
    }

    public static final int FILE_META_GROUP_LENGTH = 0x00020000;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;

    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int SERIES_DATE = 0x00080021;
    public static final int STUDY_TIME = 0x00080030;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int MANUFACTURER = 0x00080070;
    public static final int INSTITUTION_NAME = 0x00080080;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int SERIES_DESCRIPTION = 0x0008103E;
    public static final int RECOMMENDED_DISPLAY_FRAME_RATE = 0x00082144;

    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;

    public static final int BODY_PART_EXAMINED = 0x00180015;
    public static final int CINE_RATE = 0x00180040;
    public static final int FRAME_TIME = 0x00181063;
    public static final int FRAME_TIME_VECTOR = 0x00181065;
    public static final int ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR = 0x00181114;
    public static final int IMAGER_PIXEL_SPACING = 0x00181164;

    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;

    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int PLANAR_CONFIGURATION = 0x00280006;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int WINDOW_CENTER = 0x00281050;
    public static final int WINDOW_WIDTH = 0x00281051;
    public static final int RESCALE_INTERCEPT = 0x00281052;
    public static final int RESCALE_SLOPE = 0x00281053;
    public static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;

    public static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
    public static final int PIXEL_DATA = 0x7FE00010;

    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    /** The VR of a tag when the transfer syntax does not say it (implicit VR): the tags we interpret, else UN. */
    static String implicitVr(int tag) {
        if ((tag & 0x0000FFFF) == 0) {
            return "UL";
        }
        return switch (tag) {
            case SPECIFIC_CHARACTER_SET, MODALITY, PATIENT_SEX, BODY_PART_EXAMINED, PHOTOMETRIC_INTERPRETATION -> "CS";
            case SOP_CLASS_UID, SOP_INSTANCE_UID, STUDY_INSTANCE_UID, SERIES_INSTANCE_UID, TRANSFER_SYNTAX_UID,
                 MEDIA_STORAGE_SOP_CLASS_UID, MEDIA_STORAGE_SOP_INSTANCE_UID, IMPLEMENTATION_CLASS_UID -> "UI";
            case STUDY_DATE, SERIES_DATE, PATIENT_BIRTH_DATE -> "DA";
            case STUDY_TIME -> "TM";
            case ACCESSION_NUMBER, STUDY_ID -> "SH";
            case MANUFACTURER, INSTITUTION_NAME, STUDY_DESCRIPTION, SERIES_DESCRIPTION, PATIENT_ID -> "LO";
            case PATIENT_NAME, REFERRING_PHYSICIAN_NAME -> "PN";
            case SERIES_NUMBER, INSTANCE_NUMBER, NUMBER_OF_FRAMES, CINE_RATE, RECOMMENDED_DISPLAY_FRAME_RATE -> "IS";
            case FRAME_TIME, FRAME_TIME_VECTOR, ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR, IMAGER_PIXEL_SPACING,
                 PIXEL_SPACING, WINDOW_CENTER, WINDOW_WIDTH, RESCALE_INTERCEPT, RESCALE_SLOPE -> "DS";
            case SAMPLES_PER_PIXEL, PLANAR_CONFIGURATION, ROWS, COLUMNS, BITS_ALLOCATED, BITS_STORED, HIGH_BIT,
                 PIXEL_REPRESENTATION -> "US";
            case PIXEL_MEASURES_SEQUENCE, SHARED_FUNCTIONAL_GROUPS_SEQUENCE -> "SQ";
            case PIXEL_DATA -> "OW";
            default -> "UN";
        };
    }

    /** "(0028,0030)" for messages. */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
