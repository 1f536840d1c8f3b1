package org.medops.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DicomReaderTest {

    static final SyntheticImages.Study STUDY = new SyntheticImages.Study("P0001", "TEST^PATIENT",
            "1.2.826.0.1.3680043.10.1447.9.1", "ACC1", "20261201");

    @ParameterizedTest
    @EnumSource(value = TransferSyntax.class, names = {"EXPLICIT_VR_LITTLE_ENDIAN", "IMPLICIT_VR_LITTLE_ENDIAN",
            "EXPLICIT_VR_BIG_ENDIAN", "RLE_LOSSLESS"})
    void readsTheHeaderTagsThatMatterInEveryByteOrder(TransferSyntax syntax) {
        DicomDataset d = DicomReader.read(SyntheticImages.ctSlice(STUDY, "1.2.3.4", 7, syntax));

        assertThat(d.transferSyntax()).isEqualTo(syntax);
        assertThat(d.string(Tags.PATIENT_ID)).contains("P0001");
        assertThat(d.string(Tags.PATIENT_NAME)).contains("TEST^PATIENT");
        assertThat(d.string(Tags.STUDY_INSTANCE_UID)).contains(STUDY.studyUid());
        assertThat(d.string(Tags.SERIES_INSTANCE_UID)).contains("1.2.3.4");
        assertThat(d.string(Tags.SOP_INSTANCE_UID)).contains("1.2.3.4.7");
        assertThat(d.string(Tags.MODALITY)).contains("CT");
        assertThat(d.string(Tags.STUDY_DESCRIPTION)).contains("胸部 CT (synthetic)");
        ImageDescription image = ImageDescription.of(d);
        assertThat(image.rows()).isEqualTo(128);
        assertThat(image.columns()).isEqualTo(128);
        assertThat(image.bitsAllocated()).isEqualTo(16);
        assertThat(image.bitsStored()).isEqualTo(12);
        assertThat(image.highBit()).isEqualTo(11);
        assertThat(image.signed()).isTrue();
        assertThat(image.samplesPerPixel()).isEqualTo(1);
        assertThat(image.photometric()).isEqualTo("MONOCHROME2");
        assertThat(image.frames()).isEqualTo(1);
        assertThat(d.doubles(Tags.PIXEL_SPACING)).containsExactly(0.5, 0.75);
        assertThat(d.doubles(Tags.WINDOW_CENTER)).containsExactly(40, 400);
        assertThat(d.doubles(Tags.WINDOW_WIDTH)).containsExactly(400, 1800);
        assertThat(Rescale.of(d)).isEqualTo(new Rescale(1, -1024));

        Frame frame = FrameDecoder.decode(d, 0);
        assertThat(Rescale.of(d).apply(frame.at(64, 64))).isEqualTo(1000);
        assertThat(Rescale.of(d).apply(frame.at(64 + 30, 64))).isEqualTo(0);
        assertThat(Rescale.of(d).apply(frame.at(0, 0))).isEqualTo(-1000);
    }

    @Test
    void decodesSignedNegativeStoredValuesTheSameNativeAndRle() {
        int[] pixels = new int[8 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 2 == 0 ? -1 : 1) * i * 100; // down to −3000, 16 bits stored
        }
        for (TransferSyntax syntax : new TransferSyntax[] {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.RLE_LOSSLESS}) {
            byte[] file = DicomWriter.create(syntax).text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3")
                    .grayscale(4, 8, 16, true, pixels).toBytes();
            assertThat(FrameDecoder.decode(DicomReader.read(file), 0).values()).as(syntax.name())
                    .containsExactly(pixels);
        }
    }

    @Test
    void readsMultiFrameCineTimingAndEachFrame() {
        DicomDataset d = DicomReader.read(SyntheticImages.xaCine(STUDY, "1.2.3.5", 1, 10,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        ImageDescription image = ImageDescription.of(d);
        assertThat(image.frames()).isEqualTo(10);
        assertThat(image.framesPerSecond()).isEqualTo(15);
        assertThat(d.decimal(Tags.ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR)).contains(1.5);
        // the dark bar moves one row down per frame
        assertThat(FrameDecoder.decode(d, 0).at(50, 20)).isEqualTo(40);
        assertThat(FrameDecoder.decode(d, 5).at(50, 25)).isEqualTo(40);
        assertThat(FrameDecoder.decode(d, 5).at(50, 20)).isGreaterThan(100);
        assertThatThrownBy(() -> FrameDecoder.decode(d, 10)).isInstanceOf(DicomFormatException.class)
                .extracting("reason").isEqualTo("dicom-no-such-frame");
    }

    @Test
    void frameTimeGivesTheRateWhenThereIsNoCineRate() {
        DicomDataset d = DicomReader.read(DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3").decimals(Tags.FRAME_TIME, 33.3333)
                .grayscale(2, 2, 8, false, new int[4], new int[4]).toBytes());
        assertThat(ImageDescription.of(d).framesPerSecond()).isCloseTo(30, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void rleMultiFrameDecodesEveryFrame() {
        DicomDataset d = DicomReader.read(SyntheticImages.xaCine(STUDY, "1.2.3.6", 1, 4, TransferSyntax.RLE_LOSSLESS));
        DicomDataset n = DicomReader.read(SyntheticImages.xaCine(STUDY, "1.2.3.6", 1, 4,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int f = 0; f < 4; f++) {
            assertThat(FrameDecoder.decode(d, f).values()).containsExactly(FrameDecoder.decode(n, f).values());
        }
        assertThat(d.element(Tags.PIXEL_DATA).orElseThrow().fragments()).hasSize(5);
    }

    @Test
    void jpegBaselineDecodesThroughImageIo() {
        DicomDataset d = DicomReader.read(SyntheticImages.xaCine(STUDY, "1.2.3.7", 1, 3, TransferSyntax.JPEG_BASELINE));
        Frame frame = FrameDecoder.decode(d, 2);
        assertThat(frame.columns()).isEqualTo(96);
        assertThat(frame.at(50, 22)).isBetween(30, 60); // lossy: near the bar's 40
        assertThat(frame.at(50, 60)).isGreaterThan(150);
    }

    @Test
    void jpegLosslessIsStoredButNotDecoded() {
        byte[] file = DicomWriter.create(TransferSyntax.JPEG_LOSSLESS_SV1).text(Tags.SOP_INSTANCE_UID, "UI", "1.2")
                .unsignedShort(Tags.ROWS, 2).unsignedShort(Tags.COLUMNS, 2).unsignedShort(Tags.BITS_ALLOCATED, 8)
                .toBytes();
        DicomDataset d = DicomReader.read(file);
        assertThat(d.transferSyntax().decodable()).isFalse();
    }

    @Test
    void sequencesOfDefinedAndUndefinedLengthAreReadAndWhatFollowsThemToo() {
        for (boolean undefined : new boolean[] {false, true}) {
            for (TransferSyntax syntax : new TransferSyntax[] {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN}) {
                DicomWriter w = DicomWriter.create(syntax).text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3")
                        .sequence(0x00081140, DicomWriter.item().text(0x00081150, "UI", "1.2.9"),
                                DicomWriter.item().text(0x00081155, "UI", "1.2.10"))
                        .sequence(Tags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, DicomWriter.item()
                                .sequence(Tags.PIXEL_MEASURES_SEQUENCE,
                                        DicomWriter.item().decimals(Tags.PIXEL_SPACING, 0.25, 0.4)))
                        .text(0x60000022, "LO", "after the sequences");
                if (undefined) {
                    w.undefinedLengthSequences();
                }
                DicomDataset d = DicomReader.read(w.toBytes());
                String label = syntax + (undefined ? " undefined" : " defined");
                assertThat(d.string(0x60000022)).as(label).contains("after the sequences");
                assertThat(Calibration.of(d)).as(label)
                        .isEqualTo(new Calibration(CalibrationSource.PIXEL_SPACING, 0.25, 0.4));
                if (syntax.explicitVr()) {
                    assertThat(d.sequence(0x00081140)).as(label).hasSize(2);
                }
            }
        }
    }

    @Test
    void decodesChineseNamesInTheDeclaredCharacterSet() {
        for (String charset : new String[] {"GB18030", "ISO_IR 192"}) {
            byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                    .text(Tags.SPECIFIC_CHARACTER_SET, "CS", charset).text(Tags.SOP_INSTANCE_UID, "UI", "1.2")
                    .text(Tags.PATIENT_NAME, "PN", "张三").toBytes();
            assertThat(DicomReader.read(file).string(Tags.PATIENT_NAME)).as(charset).contains("张三");
        }
    }

    @Test
    void aFileWithoutThePrefixIsRefusedByName() {
        assertThatThrownBy(() -> DicomReader.read("%PDF-1.7 not an image".getBytes()))
                .isInstanceOf(DicomFormatException.class).extracting("reason").isEqualTo("dicom-no-prefix");
    }

    @Test
    void aTruncatedFileIsRefusedNotAnIndexError() {
        byte[] whole = SyntheticImages.ctSlice(STUDY, "1.2.3.4", 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        // cut inside the element headers (the pixel data is a single long value; cutting it is caught on decode)
        byte[] cut = Arrays.copyOf(whole, 400);
        assertThatThrownBy(() -> DicomReader.read(cut)).isInstanceOf(DicomFormatException.class)
                .extracting("reason").isEqualTo("dicom-truncated");
        byte[] noPixels = Arrays.copyOf(whole, whole.length - 100);
        assertThatThrownBy(() -> DicomReader.read(noPixels)).isInstanceOf(DicomFormatException.class)
                .extracting("reason").isEqualTo("dicom-truncated");
    }

    @Test
    void aFileWithoutAnInstanceUidIsRefused() {
        byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tags.PATIENT_ID, "LO", "P1").toBytes();
        assertThatThrownBy(() -> DicomReader.read(file)).isInstanceOf(DicomFormatException.class)
                .extracting("reason").isEqualTo("dicom-no-sop-instance-uid");
    }
}
