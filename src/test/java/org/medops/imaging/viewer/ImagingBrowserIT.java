package org.medops.imaging.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.imaging.dicom.SyntheticImages;
import org.medops.imaging.dicom.TransferSyntax;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A cardiologist opens a study in Chromium: the list is masked, the viewer shows the CT slice, scrolls the stack,
 * plays the XA run at its frame rate, changes the window, and measures a known distance by dragging the mouse — the
 * label reads the length the server's measurement API gives, with the calibration named.
 */
@MedopsTest
class ImagingBrowserIT {

    private static final String PASSWORD = "Imaging#Browser-2026";

    @LocalServerPort
    int port;

    @Test
    void openScrollPlayWindowAndMeasure() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Api doctor = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("img-b-" + suffix, "心内科医生 刘洋", PASSWORD, "CLINICIAN");
        String studyUid = "1.2.826.0.1.3680043.10.1447.79." + n;
        var study = new SyntheticImages.Study("PB" + suffix, "LIU^YANG", studyUid, "B" + suffix, "20261203");
        doctor.post("/api/v1/imaging/instances", "application/dicom",
                SyntheticImages.xaCine(study, studyUid + ".1", 1, 10, TransferSyntax.RLE_LOSSLESS));
        for (int slice = 1; slice <= 3; slice++) {
            doctor.post("/api/v1/imaging/instances", "application/dicom",
                    SyntheticImages.ctSlice(study, studyUid + ".2", slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        }
        double apiLength = doctor.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"%s","from":[10,30],"to":[60,30]}""".formatted(studyUid + ".1.1")).json()
                .get("length").asDouble();

        try (Browser browser = Browser.open(port)) {
            browser.login("img-b-" + suffix, PASSWORD).waitForPath("/");
            browser.go("/imaging");
            assertThat(browser.text("#imaging-studies")).contains("P********").doesNotContain("PB" + suffix)
                    .doesNotContain("LIU^YANG");
            browser.screenshot("imaging-01-studies");
            browser.go("/imaging/viewer?study=" + studyUid);
            waitLoaded(browser);
            assertThat(browser.text("#imaging-overlay-patient")).doesNotContain("LIU^YANG").contains("L*");
            // series are ordered by number: the XA run (1) first, then the CT series (2)
            assertThat(browser.text("#imaging-overlay-frame")).isEqualTo("1/10");
            assertThat(browser.text("#imaging-overlay-fps")).contains("15");
            assertThat(browser.text("#imaging-overlay-calibration")).contains("放大率校正");
            browser.tick("#imaging-next");
            assertThat(browser.text("#imaging-overlay-frame")).isEqualTo("2/10");

            browser.tick("#imaging-play");
            Thread.sleep(400); // 15 fps: about six frames, fewer than the run's ten
            browser.tick("#imaging-play");
            assertThat(((Number) browser.script("return window.medopsViewer.state.played")).intValue())
                    .isBetween(2, 9);
            String afterPlay = browser.text("#imaging-overlay-frame");
            assertThat(afterPlay).isNotEqualTo("2/10");
            browser.screenshot("imaging-02-cine-paused");

            // measure 50 pixels along a row by dragging with the length tool
            browser.tick("#imaging-tool-length");
            drag(browser, new double[] {10, 30}, new double[] {60, 30});
            String label = browser.text("#imaging-measure-1");
            assertThat(label).contains(" mm (").contains("放大率校正");
            assertThat(apiLength).isEqualTo(10.0);
            // the mouse lands on whole screen pixels: about 10 mm; the server, given the viewer's points, agrees
            double shown = Double.parseDouble(label.substring(0, label.indexOf(' ')));
            assertThat(shown).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.1));
            String points = String.valueOf(browser.script(
                    "const m = window.medopsViewer.state.marks[0]; return JSON.stringify({from: m.points[0], to: m.points[1]})"));
            JsonNode p = new tools.jackson.databind.json.JsonMapper().readTree(points);
            double server = doctor.post("/api/v1/imaging/measurements", "{\"sopInstanceUid\":\"" + studyUid
                    + ".1.1\",\"from\":" + p.get("from") + ",\"to\":" + p.get("to") + "}").json().get("length").asDouble();
            assertThat(String.format("%.2f", server)).isEqualTo(String.format("%.2f", shown));
            browser.screenshot("imaging-03-xa-measured");

            // the CT series: stack scroll with the wheel, then a lung window by drag from the file's window
            browser.tick("#imaging-series-1");
            waitLoaded(browser);
            assertThat(browser.text("#imaging-overlay-frame")).isEqualTo("1/3");
            browser.script("document.getElementById('imaging-canvas').dispatchEvent(new WheelEvent('wheel', "
                    + "{deltaY: 100, bubbles: true, cancelable: true}))");
            assertThat(browser.text("#imaging-overlay-frame")).isEqualTo("2/3");
            assertThat(browser.text("#imaging-overlay-window")).contains("400 / 40");
            browser.tick("#imaging-tool-window");
            drag(browser, new double[] {64, 64}, new double[] {104, 44});
            String window = browser.text("#imaging-overlay-window");
            assertThat(window).doesNotContain("400 / 40");
            waitLoaded(browser);
            browser.screenshot("imaging-04-ct-window-dragged");
            browser.tick("#imaging-tool-length");
            drag(browser, new double[] {24, 64}, new double[] {104, 64});
            String ct = browser.text("#imaging-measure-2");
            assertThat(Double.parseDouble(ct.substring(0, ct.indexOf(' ')))).isCloseTo(60.0,
                    org.assertj.core.data.Offset.offset(0.5));
            assertThat(ct).contains("mm (像素间距");
            browser.tick("#imaging-reset");
            assertThat(browser.text("#imaging-overlay-window")).contains("400 / 40");
            browser.screenshot("imaging-05-ct-measured-reset");
        }
    }

    private static void waitLoaded(Browser browser) throws InterruptedException {
        for (int i = 0; i < 50 && !Boolean.TRUE.equals(browser.script("return window.medopsViewer.loaded()")); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
    }

    @SuppressWarnings("unchecked")
    private static void drag(Browser browser, double[] from, double[] to) {
        List<Number> a = (List<Number>) browser.script("return window.medopsViewer.client(arguments[0])",
                List.of(from[0], from[1]));
        List<Number> b = (List<Number>) browser.script("return window.medopsViewer.client(arguments[0])",
                List.of(to[0], to[1]));
        browser.script("""
                const c = document.getElementById('imaging-canvas');
                c.dispatchEvent(new MouseEvent('mousedown', {clientX: arguments[0], clientY: arguments[1], bubbles: true}));
                window.dispatchEvent(new MouseEvent('mousemove', {clientX: arguments[2], clientY: arguments[3], bubbles: true}));
                window.dispatchEvent(new MouseEvent('mouseup', {clientX: arguments[2], clientY: arguments[3], bubbles: true}));
                """, a.get(0).doubleValue(), a.get(1).doubleValue(), b.get(0).doubleValue(), b.get(1).doubleValue());
    }
}
