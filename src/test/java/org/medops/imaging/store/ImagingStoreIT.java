package org.medops.imaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.medops.imaging.dicom.DicomWriter;
import org.medops.imaging.dicom.SyntheticImages;
import org.medops.imaging.dicom.Tags;
import org.medops.imaging.dicom.TransferSyntax;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The store end to end over HTTP with files the test writes itself: a CT-like slice (signed, rescaled, anisotropic
 * Pixel Spacing), a multi-frame XA run (Imager Pixel Spacing + ERMF) uploaded as multipart, the same run RLE-compressed
 * through STOW-RS; QIDO search masked and whole, WADO frames and a rendered PNG with a window, measurements by every
 * calibration rule, refusals by name, and a file altered on disk refused rather than served.
 */
@MedopsTest
class ImagingStoreIT {

    private static final String PASSWORD = "Imaging#Test-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImageFiles files;

    @Test
    void storesSearchesRetrievesAndMeasures() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api clinician = admin.newUser("img-doc-" + suffix, "心内科医生（测试）", PASSWORD, "CLINICIAN");
        Api viewer = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("img-ro-" + suffix, "只读（测试）", PASSWORD, "READ_ONLY");
        Api engineer = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).contentReader();

        String studyUid = "1.2.826.0.1.3680043.10.1447.77." + n;
        var study = new SyntheticImages.Study("PID" + suffix, "WANG^XIAOMING", studyUid, "A" + suffix, "20261202");
        byte[] ct = SyntheticImages.ctSlice(study, studyUid + ".2", 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] xa = SyntheticImages.xaCine(study, studyUid + ".1", 1, 10, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] xaRle = SyntheticImages.xaCine(study, studyUid + ".3", 1, 10, TransferSyntax.RLE_LOSSLESS);

        // store: application/dicom body, then the same again, then multipart
        Api.Response stored = clinician.post("/api/v1/imaging/instances", "application/dicom", ct);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("studyUid").asString()).isEqualTo(studyUid);
        assertThat(stored.json().get("seriesUid").asString()).isEqualTo(studyUid + ".2");
        assertThat(stored.json().get("sopInstanceUid").asString()).isEqualTo(studyUid + ".2.1");
        assertThat(stored.json().get("frames").asInt()).isEqualTo(1);
        assertThat(stored.json().get("calibration").asString()).isEqualTo("PIXEL_SPACING");
        Api.Response again = clinician.post("/api/v1/imaging/instances", "application/dicom", ct);
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from imaging_instances where sop_instance_uid = :u")
                .param("u", studyUid + ".2.1").query(Long.class).single()).isEqualTo(1);
        Api.Response upload = clinician.upload("/api/v1/imaging/instances", "run.dcm", xa);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(upload.json().get("frames").asInt()).isEqualTo(10);
        assertThat(upload.json().get("calibration").asString()).isEqualTo("ERMF");

        // STOW-RS multipart/related
        String boundary = "stow-" + suffix;
        ByteArrayOutputStream stow = new ByteArrayOutputStream();
        stow.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        stow.writeBytes(xaRle);
        stow.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        Api.Response stowed = clinician.post("/api/v1/imaging/dicomweb/studies",
                "multipart/related; type=\"application/dicom\"; boundary=" + boundary, stow.toByteArray());
        assertThat(stowed.status()).as(stowed.body()).isEqualTo(200);
        assertThat(stowed.body()).contains(studyUid + ".3.1");

        // refusals by name
        Api.Response notDicom = clinician.post("/api/v1/imaging/instances", "application/dicom",
                "%PDF-1.7 this is a report".getBytes(StandardCharsets.US_ASCII));
        assertThat(notDicom.status()).isEqualTo(400);
        assertThat(notDicom.body()).contains("imaging-not-dicom").contains("dicom-no-prefix");
        Api.Response truncated = clinician.post("/api/v1/imaging/instances", "application/dicom",
                java.util.Arrays.copyOf(ct, 300));
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.body()).contains("dicom-truncated");
        assertThat(viewer.post("/api/v1/imaging/instances", "application/dicom", ct).status()).isEqualTo(403);
        assertThat(new Api(port).post("/api/v1/imaging/instances", "application/dicom", ct).status()).isEqualTo(401);

        // QIDO: masked for the clinician, whole for the engineer holding the data right
        JsonNode masked = clinician.get("/api/v1/imaging/dicomweb/studies?StudyInstanceUID=" + studyUid).json();
        assertThat(masked.size()).isEqualTo(1);
        assertThat(masked.get(0).get("00100010").get("Value").get(0).get("Alphabetic").asString())
                .isNotEqualTo("WANG^XIAOMING").startsWith("W").contains("*");
        assertThat(masked.get(0).get("00201206").get("Value").get(0).asInt()).isEqualTo(3);
        assertThat(masked.get(0).get("00201208").get("Value").get(0).asInt()).isEqualTo(3);
        assertThat(masked.get(0).get("00080061").get("Value").toString()).contains("CT").contains("XA");
        JsonNode whole = engineer.get("/api/v1/imaging/dicomweb/studies?PatientID=PID" + suffix).json();
        assertThat(whole.get(0).get("00100010").get("Value").get(0).get("Alphabetic").asString())
                .isEqualTo("WANG^XIAOMING");
        assertThat(clinician.get("/api/v1/imaging/dicomweb/studies?PatientName=WANG").status()).isEqualTo(403);
        assertThat(engineer.get("/api/v1/imaging/dicomweb/studies?PatientName=WANG*&StudyDate=20261201-20261203")
                .body()).contains(studyUid);
        assertThat(clinician.get("/api/v1/imaging/dicomweb/studies?limit=1000").status()).isEqualTo(400);
        JsonNode series = clinician.get("/api/v1/imaging/dicomweb/studies/" + studyUid + "/series").json();
        assertThat(series.size()).isEqualTo(3);
        JsonNode instances = clinician.get("/api/v1/imaging/dicomweb/studies/" + studyUid + "/series/" + studyUid
                + ".1/instances").json();
        assertThat(instances.get(0).get("00280008").get("Value").get(0).asInt()).isEqualTo(10);

        // WADO metadata (masked), instance, frames of the RLE run = frames of the native run
        String xaPath = "/api/v1/imaging/dicomweb/studies/" + studyUid + "/series/" + studyUid + ".1/instances/"
                + studyUid + ".1.1";
        String rlePath = "/api/v1/imaging/dicomweb/studies/" + studyUid + "/series/" + studyUid + ".3/instances/"
                + studyUid + ".3.1";
        JsonNode metadata = clinician.get(xaPath + "/metadata").json().get(0);
        assertThat(metadata.get("00181114").get("Value").get(0).asDouble()).isEqualTo(1.5);
        assertThat(metadata.get("00100020").get("Value").get(0).asString()).contains("*");
        Api.Download file = clinician.download(xaPath);
        assertThat(file.contentType()).startsWith("multipart/related");
        assertThat(indexOf(file.body(), xa)).isPositive();
        Api.Download nativeFrame = clinician.download(xaPath + "/frames/6");
        Api.Download rleFrame = clinician.download(rlePath + "/frames/6");
        assertThat(rleFrame.status()).isEqualTo(200);
        byte[] nativePart = firstPart(nativeFrame);
        assertThat(nativePart).hasSize(96 * 96);
        assertThat(firstPart(rleFrame)).containsExactly(nativePart);
        assertThat(nativePart[25 * 96 + 50] & 0xFF).as("the bar is on row 25 in frame 6").isEqualTo(40);
        assertThat(clinician.download(xaPath + "/frames/11").status()).isEqualTo(400);

        // rendered PNG with a window: CT bone disc 1000 HU, water 0 HU, air −1000 HU
        String ctPath = "/api/v1/imaging/dicomweb/studies/" + studyUid + "/series/" + studyUid + ".2/instances/"
                + studyUid + ".2.1";
        BufferedImage soft = png(clinician.download(ctPath + "/rendered?window=40,400"));
        assertThat(soft.getRaster().getSample(64, 64, 0)).isEqualTo(255);
        assertThat(soft.getRaster().getSample(64, 64 + 30, 0)).isBetween(100, 110); // 0 HU: (0+160.5)/399 → 103
        assertThat(soft.getRaster().getSample(1, 1, 0)).isEqualTo(0);
        BufferedImage inverted = png(clinician.download(ctPath + "/frames/1/rendered?window=40,400&invert=true"));
        assertThat(inverted.getRaster().getSample(64, 64, 0)).isEqualTo(0);
        assertThat(clinician.download(ctPath + "/rendered?window=40,0").status()).isEqualTo(400);

        // measurements, by every rule
        JsonNode horizontal = clinician.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"%s","frame":1,"from":[24,64],"to":[104,64]}""".formatted(studyUid + ".2.1")).json();
        assertThat(horizontal.get("length").asDouble()).isEqualTo(60.0); // 80 columns × 0.75 mm
        assertThat(horizontal.get("unit").asString()).isEqualTo("mm");
        assertThat(horizontal.get("calibration").asString()).isEqualTo("PIXEL_SPACING");
        assertThat(horizontal.get("warning").isNull()).isTrue();
        JsonNode vertical = clinician.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"%s","from":[64,24],"to":[64,104]}""".formatted(studyUid + ".2.1")).json();
        assertThat(vertical.get("length").asDouble()).isEqualTo(40.0); // 80 rows × 0.5 mm
        JsonNode ermf = viewer.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"%s","frame":3,"from":[10,10],"to":[60,10]}""".formatted(studyUid + ".1.1")).json();
        assertThat(ermf.get("length").asDouble()).isEqualTo(10.0); // 50 px × 0.3 mm ÷ 1.5
        assertThat(ermf.get("calibration").asString()).isEqualTo("ERMF");
        JsonNode user = clinician.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"%s","from":[10,10],"to":[60,10],"catheterFrench":6,
                 "catheterFrom":[20,20],"catheterTo":[20,30]}""".formatted(studyUid + ".1.1")).json();
        assertThat(user.get("length").asDouble()).isEqualTo(10.0); // 6 F = 2 mm over 10 px → 0.2 mm/px
        assertThat(user.get("calibration").asString()).isEqualTo("USER");

        String plainUid = "1.2.826.0.1.3680043.10.1447.78." + n;
        byte[] plain = DicomWriter.create(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tags.SOP_INSTANCE_UID, "UI", plainUid + ".1.1").text(Tags.STUDY_INSTANCE_UID, "UI", plainUid)
                .text(Tags.SERIES_INSTANCE_UID, "UI", plainUid + ".1").text(Tags.MODALITY, "CS", "OT")
                .grayscale(20, 20, 8, false, new int[400]).toBytes();
        assertThat(clinician.post("/api/v1/imaging/instances", "application/dicom", plain).json()
                .get("calibration").asString()).isEqualTo("NONE");
        JsonNode px = clinician.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"%s","from":[0,0],"to":[3,4]}""".formatted(plainUid + ".1.1")).json();
        assertThat(px.get("length").asDouble()).isEqualTo(5.0);
        assertThat(px.get("unit").asString()).isEqualTo("px");
        assertThat(px.get("calibration").asString()).isEqualTo("NONE");
        assertThat(px.get("warning").asString()).contains("像素");
        Api.Response outside = clinician.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"%s","from":[0,0],"to":[300,4]}""".formatted(plainUid + ".1.1"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("imaging-measure-outside");
        assertThat(clinician.post("/api/v1/imaging/measurements", """
                {"sopInstanceUid":"1.2.3.404","from":[0,0],"to":[3,4]}""").status()).isEqualTo(404);

        // audited: stores and opens, identifiers masked in the trail
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'imaging.instance.store' "
                + "and target_id like :p").param("p", studyUid + "%").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_records where action = 'imaging.study.open' "
                + "and target_id = :s").param("s", studyUid).query(Long.class).single()).isGreaterThanOrEqualTo(4);

        // on disk: named by the hash, read-only; altered → refused, not served
        String fileName = jdbc.sql("select file_name from imaging_instances where sop_instance_uid = :u")
                .param("u", studyUid + ".2.1").query(String.class).single();
        Path onDisk = files.path(fileName);
        assertThat(Files.readAllBytes(onDisk)).containsExactly(ct);
        assertThat(Files.getPosixFilePermissions(onDisk)).doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                java.nio.file.attribute.PosixFilePermission.GROUP_WRITE, java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        onDisk.toFile().setWritable(true);
        byte[] altered = ct.clone();
        altered[altered.length - 1] ^= 0x7F;
        Files.write(onDisk, altered);
        Api.Download refused = clinician.download(ctPath + "/rendered");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("imaging-file-altered");
    }

    private static BufferedImage png(Api.Download d) throws Exception {
        assertThat(d.status()).as(new String(d.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(d.contentType()).isEqualTo("image/png");
        return ImageIO.read(new ByteArrayInputStream(d.body()));
    }

    private static byte[] firstPart(Api.Download d) {
        assertThat(d.status()).isEqualTo(200);
        String boundary = MultipartRelated.parameter(d.contentType(), "boundary");
        return MultipartRelated.parse(d.body(), "multipart/related; boundary=" + boundary).get(0).body();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
