package org.medops.imaging.store;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.medops.imaging.dicom.Calibration;
import org.medops.imaging.dicom.DicomDataset;
import org.medops.imaging.dicom.ImageDescription;
import org.medops.imaging.permissions.CanReadImages;
import org.medops.imaging.permissions.CanWriteImages;
import org.medops.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Storing an instance by upload and measuring on one, by the same calibration rules as the viewer. */
@RestController
@RequestMapping("/api/v1/imaging")
class ImagingApi {

    private final ImageStore store;
    private final MessageSource messages;

    ImagingApi(ImageStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    record StoreAnswer(String studyUid, String seriesUid, String sopInstanceUid, int frames, String calibration) {
        static StoreAnswer of(ImageStore.Stored s) {
            return new StoreAnswer(s.studyUid(), s.seriesUid(), s.sopInstanceUid(), s.frames(), s.calibration());
        }
    }

    @CanWriteImages
    @PostMapping(value = "/instances", consumes = {"application/dicom", "application/octet-stream"})
    ResponseEntity<StoreAnswer> storeBody(Authentication caller, @RequestBody(required = false) byte[] body) {
        return answer(store.store(body, caller.getName()));
    }

    @CanWriteImages
    @PostMapping(value = "/instances", consumes = "multipart/form-data")
    ResponseEntity<StoreAnswer> storeUpload(Authentication caller, @RequestParam("file") MultipartFile file)
            throws java.io.IOException {
        return answer(store.store(file.getBytes(), caller.getName()));
    }

    private static ResponseEntity<StoreAnswer> answer(ImageStore.Stored s) {
        return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(StoreAnswer.of(s));
    }

    /**
     * A length between two pixel points (x to the right, y down) of a frame (1-based, default 1). With a catheter
     * size and the two ends of its drawn diameter the user calibration replaces the file's.
     */
    record MeasureRequest(String sopInstanceUid, Integer frame, double[] from, double[] to, Double catheterFrench,
                          double[] catheterFrom, double[] catheterTo) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MeasureAnswer(double length, String unit, String calibration, String warning) {
    }

    @CanReadImages
    @PostMapping("/measurements")
    MeasureAnswer measure(@RequestBody MeasureRequest request, Locale locale) {
        if (request == null || request.sopInstanceUid() == null || request.sopInstanceUid().isBlank()) {
            throw ProblemException.invalid("imaging-measure-instance");
        }
        StoredInstance i = store.instance(request.sopInstanceUid().trim());
        DicomDataset d = store.dataset(i);
        ImageDescription image = ImageDescription.of(d);
        int frame = request.frame() == null ? 1 : request.frame();
        if (frame < 1 || frame > image.frames()) {
            throw ProblemException.invalid("imaging-frame-number", String.valueOf(frame), image.frames());
        }
        point(request.from(), "from", image);
        point(request.to(), "to", image);
        Calibration calibration = Calibration.of(d);
        if (request.catheterFrench() != null) {
            point(request.catheterFrom(), "catheterFrom", image);
            point(request.catheterTo(), "catheterTo", image);
            try {
                calibration = Calibration.userCatheter(request.catheterFrench(), request.catheterFrom(),
                        request.catheterTo());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("imaging-catheter");
            }
        }
        Calibration.Length l = calibration.length(request.from(), request.to());
        String warning = l.warning() == null ? null
                : messages.getMessage("imaging.warning." + l.warning(), null, l.warning(), locale);
        return new MeasureAnswer(Math.round(l.length() * 1000) / 1000.0, l.unit(), l.calibration().name(), warning);
    }

    private static void point(double[] p, String field, ImageDescription image) {
        if (p == null || p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
            throw ProblemException.invalid("imaging-measure-point", field);
        }
        if (p[0] < 0 || p[1] < 0 || p[0] > image.columns() || p[1] > image.rows()) {
            throw ProblemException.invalid("imaging-measure-outside", field, image.columns(), image.rows());
        }
    }
}
