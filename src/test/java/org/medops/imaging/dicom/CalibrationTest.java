package org.medops.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static DicomDataset file(DicomWriter w) {
        return DicomReader.read(w.text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3").toBytes());
    }

    private static DicomWriter writer() {
        return DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void pixelSpacingIsRowSpacingFirstSoAnisotropicPixelsMeasureRight() {
        // rows 0.5 mm apart (y), columns 0.75 mm apart (x)
        Calibration c = Calibration.of(file(writer().decimals(Tags.PIXEL_SPACING, 0.5, 0.75)));
        assertThat(c.source()).isEqualTo(CalibrationSource.PIXEL_SPACING);
        assertThat(c.length(new double[] {0, 0}, new double[] {40, 0}).length()).isEqualTo(30.0); // along x
        assertThat(c.length(new double[] {0, 0}, new double[] {0, 40}).length()).isEqualTo(20.0); // along y
        Calibration.Length diagonal = c.length(new double[] {10, 10}, new double[] {14, 13});
        assertThat(diagonal.length()).isCloseTo(Math.hypot(4 * 0.75, 3 * 0.5), offset(1e-12));
        assertThat(diagonal.unit()).isEqualTo("mm");
        assertThat(diagonal.warning()).isNull();
    }

    @Test
    void pixelSpacingWinsOverImagerPixelSpacing() {
        Calibration c = Calibration.of(file(writer().decimals(Tags.PIXEL_SPACING, 0.2, 0.2)
                .decimals(Tags.IMAGER_PIXEL_SPACING, 0.3, 0.3)
                .decimals(Tags.ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR, 1.2)));
        assertThat(c).isEqualTo(new Calibration(CalibrationSource.PIXEL_SPACING, 0.2, 0.2));
    }

    @Test
    void imagerPixelSpacingIsCorrectedByTheMagnificationFactor() {
        Calibration c = Calibration.of(file(writer().text(Tags.MODALITY, "CS", "XA")
                .decimals(Tags.IMAGER_PIXEL_SPACING, 0.3, 0.24)
                .decimals(Tags.ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR, 1.5)));
        assertThat(c.source()).isEqualTo(CalibrationSource.ERMF);
        assertThat(c.rowSpacing()).isCloseTo(0.2, offset(1e-12));
        assertThat(c.columnSpacing()).isCloseTo(0.16, offset(1e-12));
        Calibration.Length l = c.length(new double[] {0, 0}, new double[] {100, 0});
        assertThat(l.length()).isCloseTo(16.0, offset(1e-9));
        assertThat(l.calibration()).isEqualTo(CalibrationSource.ERMF);
        assertThat(l.warning()).isNull();
    }

    @Test
    void imagerPixelSpacingWithoutMagnificationMeasuresAtTheDetectorWithAWarning() {
        Calibration c = Calibration.of(file(writer().decimals(Tags.IMAGER_PIXEL_SPACING, 0.3, 0.3)));
        Calibration.Length l = c.length(new double[] {0, 0}, new double[] {10, 0});
        assertThat(l.calibration()).isEqualTo(CalibrationSource.IMAGER_PIXEL_SPACING);
        assertThat(l.length()).isCloseTo(3.0, offset(1e-12));
        assertThat(l.unit()).isEqualTo("mm");
        assertThat(l.warning()).isEqualTo("imaging-detector-plane");
    }

    @Test
    void aZeroMagnificationFactorIsIgnoredNotDividedBy() {
        Calibration c = Calibration.of(file(writer().decimals(Tags.IMAGER_PIXEL_SPACING, 0.3, 0.3)
                .decimals(Tags.ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR, 0)));
        assertThat(c.source()).isEqualTo(CalibrationSource.IMAGER_PIXEL_SPACING);
    }

    @Test
    void noSpacingMeasuresInPixelsWithAWarning() {
        Calibration c = Calibration.of(file(writer()));
        Calibration.Length l = c.length(new double[] {0, 0}, new double[] {3, 4});
        assertThat(l.length()).isEqualTo(5.0);
        assertThat(l.unit()).isEqualTo("px");
        assertThat(l.calibration()).isEqualTo(CalibrationSource.NONE);
        assertThat(l.warning()).isEqualTo("imaging-uncalibrated");
    }

    @Test
    void userCalibrationAgainstACatheterOfNFrench() {
        // a 6 F catheter is 2 mm across; drawn across 25 pixels → 0.08 mm per pixel
        Calibration c = Calibration.userCatheter(6, new double[] {10, 10}, new double[] {10, 35});
        assertThat(c.source()).isEqualTo(CalibrationSource.USER);
        assertThat(c.rowSpacing()).isCloseTo(0.08, offset(1e-12));
        assertThat(c.length(new double[] {0, 0}, new double[] {100, 0}).length()).isCloseTo(8.0, offset(1e-9));
        assertThat(Calibration.MM_PER_FRENCH * 9).isCloseTo(3.0, offset(1e-12));
        assertThatThrownBy(() -> Calibration.userCatheter(0, new double[] {0, 0}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Calibration.userCatheter(6, new double[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anglesAreMeasuredInCalibratedSpace() {
        Calibration iso = Calibration.NONE;
        assertThat(iso.angle(new double[] {10, 0}, new double[] {0, 0}, new double[] {0, 10})).isCloseTo(90,
                offset(1e-9));
        // 45° in pixels is not 45° on anisotropic pixels: tan = (10·0.5)/(10·1.0)
        Calibration aniso = new Calibration(CalibrationSource.PIXEL_SPACING, 0.5, 1.0);
        assertThat(aniso.angle(new double[] {10, 0}, new double[] {0, 0}, new double[] {10, 10}))
                .isCloseTo(Math.toDegrees(Math.atan(0.5)), offset(1e-9));
    }
}
