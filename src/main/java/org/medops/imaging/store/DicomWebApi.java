package org.medops.imaging.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medops.imaging.dicom.DicomDataset;
import org.medops.imaging.dicom.DicomFormatException;
import org.medops.imaging.dicom.Frame;
import org.medops.imaging.dicom.FrameDecoder;
import org.medops.imaging.dicom.ImageDescription;
import org.medops.imaging.dicom.Renderer;
import org.medops.imaging.dicom.Rescale;
import org.medops.imaging.dicom.WindowLevel;
import org.medops.imaging.permissions.CanReadImages;
import org.medops.imaging.permissions.CanWriteImages;
import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DICOMweb subset (PS3.18) under {@code /api/v1/imaging/dicomweb}: STOW-RS, QIDO-RS studies / series /
 * instances, WADO-RS instance, metadata, frames and rendered. Bearer tokens as everywhere in the API.
 */
@RestController
@RequestMapping("/api/v1/imaging/dicomweb")
class DicomWebApi {

    static final String DICOM_JSON = "application/dicom+json";
    private static final int MAX_LIMIT = 200;

    private final ImageStore store;

    DicomWebApi(ImageStore store) {
        this.store = store;
    }

    @CanWriteImages
    @PostMapping(value = "/studies", consumes = "multipart/related")
    ResponseEntity<ObjectNode> stow(Authentication caller, @RequestHeader("Content-Type") String contentType,
                                    jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        // read raw: the message converters would treat multipart/* as a form
        byte[] body = request.getInputStream().readNBytes(ImageStore.MAX_BYTES + 1);
        if (body.length > ImageStore.MAX_BYTES) {
            throw ProblemException.invalid("imaging-too-large", ImageStore.MAX_BYTES / 1024 / 1024);
        }
        String type = MultipartRelated.parameter(contentType, "type");
        if (type != null && !type.equalsIgnoreCase("application/dicom")) {
            throw ProblemException.invalid("imaging-stow-type", type);
        }
        ArrayNode referenced = JsonNodeFactory.instance.arrayNode();
        ArrayNode failed = JsonNodeFactory.instance.arrayNode();
        for (MultipartRelated.Part part : MultipartRelated.parse(body, contentType)) {
            try {
                ImageStore.Stored s = store.store(part.body(), caller.getName());
                referenced.add(sopReference(s.sopInstanceUid()));
            } catch (ProblemException e) {
                ObjectNode f = JsonNodeFactory.instance.objectNode();
                // Failure Reason 0xC000: cannot understand
                f.set("00081197", JsonNodeFactory.instance.objectNode().put("vr", "US")
                        .set("Value", JsonNodeFactory.instance.arrayNode().add(0xC000)));
                failed.add(f);
            }
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("00081199", JsonNodeFactory.instance.objectNode().put("vr", "SQ").set("Value", referenced));
        if (!failed.isEmpty()) {
            response.set("00081198", JsonNodeFactory.instance.objectNode().put("vr", "SQ").set("Value", failed));
        }
        HttpStatus status = failed.isEmpty() ? HttpStatus.OK : referenced.isEmpty() ? HttpStatus.CONFLICT
                : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(DICOM_JSON)).body(response);
    }

    private static ObjectNode sopReference(String uid) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("00081155", JsonNodeFactory.instance.objectNode().put("vr", "UI")
                .set("Value", JsonNodeFactory.instance.arrayNode().add(uid)));
        return o;
    }

    @CanReadImages
    @GetMapping(value = "/studies", produces = {DICOM_JSON, MediaType.APPLICATION_JSON_VALUE})
    List<ObjectNode> studies(Authentication caller,
                             @RequestParam(name = "StudyInstanceUID", required = false) String studyUid,
                             @RequestParam(name = "PatientID", required = false) String patientId,
                             @RequestParam(name = "PatientName", required = false) String patientName,
                             @RequestParam(name = "StudyDate", required = false) String studyDate,
                             @RequestParam(name = "AccessionNumber", required = false) String accession,
                             @RequestParam(name = "ModalitiesInStudy", required = false) String modality,
                             @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw ProblemException.invalid("imaging-limit", MAX_LIMIT);
        }
        boolean whole = ImageStore.unmasked(caller);
        // a name prefix enumerates patients: it needs the data right; an exact patient ID the reader already holds
        if (!whole && patientName != null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "imaging-search-needs-data-right");
        }
        String[] dates = dateRange(studyDate);
        var query = new InstanceIndex.StudyQuery(blank(studyUid), blank(patientId), blank(patientName), dates[0],
                dates[1], blank(accession), blank(modality), limit, offset);
        return store.studies(query).stream()
                .map(s -> DicomJson.study(s, ImageStore.shown(s.patient(), caller))).toList();
    }

    @CanReadImages
    @GetMapping(value = "/studies/{study}/series", produces = {DICOM_JSON, MediaType.APPLICATION_JSON_VALUE})
    List<ObjectNode> series(@PathVariable String study) {
        return store.series(study).stream().map(DicomJson::series).toList();
    }

    @CanReadImages
    @GetMapping(value = {"/studies/{study}/instances", "/studies/{study}/series/{series}/instances"},
            produces = {DICOM_JSON, MediaType.APPLICATION_JSON_VALUE})
    List<ObjectNode> instances(@PathVariable String study, @PathVariable(required = false) String series) {
        return store.instances(study, series).stream().map(DicomJson::instance).toList();
    }

    @CanReadImages
    @GetMapping("/studies/{study}/series/{series}/instances/{instance}")
    ResponseEntity<byte[]> instance(Authentication caller, @PathVariable String study, @PathVariable String series,
                                    @PathVariable String instance,
                                    @RequestHeader(value = "Accept", defaultValue = "") String accept) {
        StoredInstance i = store.instance(study, series, instance);
        store.opened(study, "wado-instance", caller);
        byte[] file = store.file(i);
        if (accept.startsWith("application/dicom")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/dicom")).body(file);
        }
        MultipartRelated.Written w = MultipartRelated.write("application/dicom", List.of(file));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(w.contentType())).body(w.body());
    }

    @CanReadImages
    @GetMapping(value = "/studies/{study}/series/{series}/instances/{instance}/metadata",
            produces = {DICOM_JSON, MediaType.APPLICATION_JSON_VALUE})
    List<ObjectNode> metadata(Authentication caller, @PathVariable String study, @PathVariable String series,
                              @PathVariable String instance) {
        StoredInstance i = store.instance(study, series, instance);
        store.opened(study, "wado-metadata", caller);
        return List.of(DicomJson.metadata(store.dataset(i), ImageStore.unmasked(caller)));
    }

    /** Decoded frames, little endian, Bits Allocated per sample; several frame numbers comma-separated. */
    @CanReadImages
    @GetMapping("/studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
    ResponseEntity<byte[]> frames(Authentication caller, @PathVariable String study, @PathVariable String series,
                                  @PathVariable String instance, @PathVariable String frames) {
        StoredInstance i = store.instance(study, series, instance);
        store.opened(study, "wado-frames", caller);
        DicomDataset d = store.dataset(i);
        ImageDescription image = ImageDescription.of(d);
        List<byte[]> bodies = new ArrayList<>();
        for (String number : frames.split(",")) {
            bodies.add(raw(decode(d, frameNumber(number.trim(), image.frames())), image));
        }
        MultipartRelated.Written w = MultipartRelated.write("application/octet-stream", bodies);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(w.contentType())).body(w.body());
    }

    @CanReadImages
    @GetMapping(value = {"/studies/{study}/series/{series}/instances/{instance}/rendered",
            "/studies/{study}/series/{series}/instances/{instance}/frames/{frame}/rendered"},
            produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> rendered(Authentication caller, @PathVariable String study, @PathVariable String series,
                                    @PathVariable String instance, @PathVariable(required = false) String frame,
                                    @RequestParam(required = false) String window,
                                    @RequestParam(defaultValue = "false") boolean invert) {
        StoredInstance i = store.instance(study, series, instance);
        store.opened(study, "wado-rendered", caller);
        DicomDataset d = store.dataset(i);
        ImageDescription image = ImageDescription.of(d);
        Frame f = decode(d, frame == null ? 0 : frameNumber(frame, image.frames()));
        Rescale rescale = Rescale.of(d);
        WindowLevel w = window != null ? parseWindow(window)
                : WindowLevel.fromFile(d).stream().findFirst().orElseGet(() -> WindowLevel.fullRange(f, rescale));
        byte[] png = Renderer.png(Renderer.render(f, image, rescale, w, invert));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header("Cache-Control", "private, max-age=3600").body(png);
    }

    static Frame decode(DicomDataset d, int index) {
        try {
            return FrameDecoder.decode(d, index);
        } catch (DicomFormatException e) {
            HttpStatus status = e.reason().equals("dicom-unsupported-compression") ? HttpStatus.NOT_ACCEPTABLE
                    : e.reason().equals("dicom-no-such-frame") ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
            throw new ProblemException(status, "imaging-cannot-decode", List.of(e.reason()), e.getMessage());
        }
    }

    /** 1-based as in DICOMweb; the index inside. */
    static int frameNumber(String number, int frames) {
        try {
            int n = Integer.parseInt(number);
            if (n >= 1 && n <= frames) {
                return n - 1;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("imaging-frame-number", number, frames);
    }

    /** DICOMweb's {@code window=center,width[,function]}; only the LINEAR function. */
    static WindowLevel parseWindow(String window) {
        String[] parts = window.split(",");
        try {
            if (parts.length >= 2 && (parts.length == 2 || parts[2].trim().toLowerCase(Locale.ROOT).equals("linear"))) {
                return new WindowLevel(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalid("imaging-window", window);
    }

    private static byte[] raw(Frame f, ImageDescription image) {
        if (!f.grayscale()) {
            byte[] out = new byte[f.values().length * 3];
            for (int p = 0; p < f.values().length; p++) {
                out[p * 3] = (byte) (f.values()[p] >>> 16);
                out[p * 3 + 1] = (byte) (f.values()[p] >>> 8);
                out[p * 3 + 2] = (byte) f.values()[p];
            }
            return out;
        }
        int bytes = Math.max(1, image.bitsAllocated() / 8);
        byte[] out = new byte[f.values().length * bytes];
        for (int p = 0; p < f.values().length; p++) {
            for (int k = 0; k < bytes; k++) {
                out[p * bytes + k] = (byte) (f.values()[p] >>> (8 * k));
            }
        }
        return out;
    }

    private static String[] dateRange(String studyDate) {
        if (studyDate == null || studyDate.isBlank()) {
            return new String[] {null, null};
        }
        String d = studyDate.trim();
        if (!d.matches("\\d{8}|\\d{8}-|-\\d{8}|\\d{8}-\\d{8}")) {
            throw ProblemException.invalid("imaging-study-date", d);
        }
        if (!d.contains("-")) {
            return new String[] {d, d};
        }
        String[] p = d.split("-", -1);
        return new String[] {p[0].isEmpty() ? null : p[0], p[1].isEmpty() ? null : p[1]};
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
