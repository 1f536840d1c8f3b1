package org.medops.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class WindowLevelTest {

    @Test
    void theLinearFunctionOfPs33() {
        WindowLevel w = new WindowLevel(40, 400); // soft tissue
        // x <= c - 0.5 - (w-1)/2 = -160 → black; x > c - 0.5 + (w-1)/2 = 239 → white
        assertThat(w.apply(-160, 0, 255)).isEqualTo(0);
        assertThat(w.apply(-159.9, 0, 255)).isGreaterThan(0);
        assertThat(w.apply(239, 0, 255)).isLessThan(255.01).isGreaterThan(254.9);
        assertThat(w.apply(239.01, 0, 255)).isEqualTo(255);
        assertThat(w.apply(39.5, 0, 255)).isEqualTo(127.5);
        assertThat(w.toByte(-1000)).isEqualTo(0);
        assertThat(w.toByte(1000)).isEqualTo(255);
    }

    @Test
    void widthOneIsAThresholdAndBelowOneIsRefused() {
        WindowLevel w = new WindowLevel(100, 1);
        assertThat(w.toByte(99.5)).isEqualTo(0);
        assertThat(w.toByte(99.51)).isEqualTo(255);
        assertThatThrownBy(() -> new WindowLevel(100, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowLevel(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedStoredValuesGoThroughTheRescaleBeforeTheWindow() {
        // signed 16-bit stored −1024 with slope 1, intercept 0 is −1024 HU (air); with slope 2, −24 → −48
        assertThat(new Rescale(1, 0).apply(-1024)).isEqualTo(-1024);
        assertThat(new Rescale(2, 0).apply(-24)).isEqualTo(-48);
        assertThat(new Rescale(1, -1024).apply(1064)).isEqualTo(40);

        int[] stored = {-2000, -24, 0, 16, 1500};
        byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tags.SOP_INSTANCE_UID, "UI", "1.2").decimals(Tags.RESCALE_SLOPE, 2)
                .decimals(Tags.RESCALE_INTERCEPT, 8).grayscale(1, 5, 16, true, stored).toBytes();
        DicomDataset d = DicomReader.read(file);
        Frame frame = FrameDecoder.decode(d, 0);
        Rescale r = Rescale.of(d);
        assertThat(frame.values()).containsExactly(stored);
        assertThat(r.apply(frame.values()[1])).isEqualTo(-40); // −24·2 + 8
        // a window around 40: the rendered pixel of value 16 (→ 40) is mid-grey, −2000 black, 1500 white
        WindowLevel w = new WindowLevel(40.5, 101);
        var image = Renderer.render(frame, ImageDescription.of(d), r, w, false);
        assertThat(image.getRaster().getSample(3, 0, 0)).isEqualTo(128);
        assertThat(image.getRaster().getSample(0, 0, 0)).isEqualTo(0);
        assertThat(image.getRaster().getSample(4, 0, 0)).isEqualTo(255);
        var inverted = Renderer.render(frame, ImageDescription.of(d), r, w, true);
        assertThat(inverted.getRaster().getSample(0, 0, 0)).isEqualTo(255);
    }

    @Test
    void twelveBitsStoredIsSignExtendedFromBitEleven() {
        ImageDescription image = new ImageDescription(1, 1, 1, "MONOCHROME2", 0, 16, 12, 11, true, 1, 0);
        assertThat(image.storedValue(0x0FFF)).isEqualTo(-1);
        assertThat(image.storedValue(0x0800)).isEqualTo(-2048);
        assertThat(image.storedValue(0xF7FF)).isEqualTo(2047); // bits above the high bit are not the pixel's
        ImageDescription unsigned = new ImageDescription(1, 1, 1, "MONOCHROME2", 0, 16, 12, 11, false, 1, 0);
        assertThat(unsigned.storedValue(0x0FFF)).isEqualTo(4095);
    }

    @Test
    void monochromeOneRendersLowValuesWhite() {
        byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).text(Tags.SOP_INSTANCE_UID, "UI", "1")
                .grayscale(1, 2, 8, false, new int[] {0, 255})
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME1").toBytes();
        DicomDataset d = DicomReader.read(file);
        var image = Renderer.render(FrameDecoder.decode(d, 0), ImageDescription.of(d), Rescale.IDENTITY,
                new WindowLevel(128, 256), false);
        assertThat(image.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(1, 0, 0)).isEqualTo(0);
    }

    @Test
    void presetsAreTheFilesPairsThenTheModalitysCommonOnes() {
        byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).text(Tags.SOP_INSTANCE_UID, "UI", "1")
                .text(Tags.MODALITY, "CS", "CT").decimals(Tags.WINDOW_CENTER, 40, 400)
                .decimals(Tags.WINDOW_WIDTH, 400, 1800).toBytes();
        List<WindowLevel.Preset> presets = WindowLevel.presets(DicomReader.read(file));
        assertThat(presets.get(0).window()).isEqualTo(new WindowLevel(40, 400));
        assertThat(presets.get(1).window()).isEqualTo(new WindowLevel(400, 1800));
        assertThat(presets.stream().map(WindowLevel.Preset::code)).contains("lung", "bone", "brain");
    }

    @Test
    void fullRangeCoversTheFrame() {
        Frame frame = new Frame(1, 3, true, new int[] {-100, 0, 100});
        WindowLevel w = WindowLevel.fullRange(frame, Rescale.IDENTITY);
        assertThat(w.toByte(-100)).isEqualTo(0);
        assertThat(w.toByte(100)).isEqualTo(255);
    }

    @Test
    void draggingChangesCentreAndWidthButNeverBelowOne() {
        WindowLevel w = new WindowLevel(40, 400).adjust(10, -1000);
        assertThat(w).isEqualTo(new WindowLevel(50, 1));
    }
}
