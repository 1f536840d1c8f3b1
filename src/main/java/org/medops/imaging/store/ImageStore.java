package org.medops.imaging.store;

import java.time.Clock;
import java.util.List;

import org.medops.dataaccess.DataRights;
import org.medops.imaging.dicom.DicomDataset;
import org.medops.imaging.dicom.DicomFormatException;
import org.medops.imaging.dicom.DicomReader;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads instances. A file is parsed before anything is kept, written and forced to disk before its index
 * row commits (with its audit entry), so an acknowledged instance survives a crash; the same SOP Instance UID twice is
 * kept once.
 */
@Service
public class ImageStore {

    private static final Logger log = LoggerFactory.getLogger(ImageStore.class);

    /** The largest instance taken (an XA run of a few hundred 1024² frames). */
    static final int MAX_BYTES = 512 * 1024 * 1024;

    private final InstanceIndex index;
    private final ImageFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImageStore(InstanceIndex index, ImageFiles files, ApplicationEventPublisher events, Clock clock) {
        this.index = index;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** What a store call answers. */
    public record Stored(String studyUid, String seriesUid, String sopInstanceUid, int frames, String calibration,
                         boolean created) {
    }

    @Transactional
    public Stored store(byte[] content, String actor) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("imaging-empty");
        }
        if (content.length > MAX_BYTES) {
            throw ProblemException.invalid("imaging-too-large", MAX_BYTES / 1024 / 1024);
        }
        DicomDataset dataset = parse(content);
        StoredInstance instance;
        try {
            instance = StoredInstance.from(dataset, "", 0, "", actor, clock.instant());
        } catch (DicomFormatException e) {
            throw notDicom(e);
        }
        var existing = index.find(instance.sopInstanceUid());
        if (existing.isPresent()) {
            return stored(existing.get(), false);
        }
        ImageFiles.Written written = files.write(content);
        StoredInstance row = StoredInstance.from(dataset, written.fileName(), written.size(), written.sha256(), actor,
                clock.instant());
        boolean created = index.insertIfAbsent(row);
        if (created) {
            events.publishEvent(ImagingAudit.stored(row));
            log.info("imaging instance {} stored for patient {} ({} frames)", row.sopInstanceUid(),
                    PatientMask.mask(row.patient().id()), row.frames());
        }
        return stored(created ? row : index.find(row.sopInstanceUid()).orElseThrow(), created);
    }

    private static Stored stored(StoredInstance i, boolean created) {
        return new Stored(i.studyUid(), i.seriesUid(), i.sopInstanceUid(), i.frames(), i.calibration(), created);
    }

    static DicomDataset parse(byte[] content) {
        try {
            return DicomReader.read(content);
        } catch (DicomFormatException e) {
            throw notDicom(e);
        }
    }

    static ProblemException notDicom(DicomFormatException e) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "imaging-not-dicom", List.of(e.reason()), e.getMessage());
    }

    StoredInstance instance(String sopInstanceUid) {
        return index.find(sopInstanceUid).orElseThrow(() -> ProblemException.notFound("imaging-instance",
                sopInstanceUid));
    }

    /** An instance of the given study and series (as the WADO path names them). */
    StoredInstance instance(String studyUid, String seriesUid, String sopInstanceUid) {
        StoredInstance i = instance(sopInstanceUid);
        if (!i.studyUid().equals(studyUid) || (seriesUid != null && !i.seriesUid().equals(seriesUid))) {
            throw ProblemException.notFound("imaging-instance", sopInstanceUid);
        }
        return i;
    }

    byte[] file(StoredInstance i) {
        return files.read(i.fileName(), i.sha256());
    }

    DicomDataset dataset(StoredInstance i) {
        return parse(file(i));
    }

    List<StoredInstance> instances(String studyUid, String seriesUid) {
        return index.instances(studyUid, seriesUid);
    }

    List<InstanceIndex.SeriesRow> series(String studyUid) {
        return index.series(studyUid);
    }

    List<InstanceIndex.StudyRow> studies(InstanceIndex.StudyQuery query) {
        return index.studies(query);
    }

    /**
     * Records that the reader opened a study, masked or whole. A viewer fetches every frame of a cine run: the trail
     * gets one entry per reader, study and way of access within {@link #OPEN_WINDOW}, not one per frame.
     */
    @Transactional
    public void opened(String studyUid, String how, Authentication reader) {
        String key = (reader == null ? "" : reader.getName()) + "|" + studyUid + "|" + how;
        java.time.Instant now = clock.instant();
        java.time.Instant last = recentOpens.get(key);
        if (last != null && last.plus(OPEN_WINDOW).isAfter(now)) {
            return;
        }
        recentOpens.put(key, now);
        if (recentOpens.size() > 10_000) {
            recentOpens.entrySet().removeIf(e -> e.getValue().plus(OPEN_WINDOW).isBefore(now));
        }
        events.publishEvent(ImagingAudit.opened(studyUid, how, unmasked(reader)));
    }

    static final java.time.Duration OPEN_WINDOW = java.time.Duration.ofMinutes(10);
    private final java.util.concurrent.ConcurrentHashMap<String, java.time.Instant> recentOpens =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The study for the viewer; identifiers whole only with the data right. Not found when it has no instance. */
    public StudyOverview overview(String studyUid, Authentication reader) {
        List<StoredInstance> all = index.instances(studyUid, null);
        if (all.isEmpty()) {
            throw ProblemException.notFound("imaging-study", studyUid);
        }
        StoredInstance first = all.get(0);
        StoredInstance.Patient p = shown(first.patient(), reader);
        java.util.Map<String, java.util.List<StudyOverview.Instance>> bySeries = new java.util.LinkedHashMap<>();
        java.util.Map<String, StoredInstance> seriesFirst = new java.util.LinkedHashMap<>();
        for (StoredInstance i : all) {
            seriesFirst.putIfAbsent(i.seriesUid(), i);
            DicomDataset d = dataset(i);
            org.medops.imaging.dicom.Calibration c = org.medops.imaging.dicom.Calibration.of(d);
            List<double[]> windows = org.medops.imaging.dicom.WindowLevel.fromFile(d).stream()
                    .map(w -> new double[] {w.center(), w.width()}).toList();
            bySeries.computeIfAbsent(i.seriesUid(), k -> new java.util.ArrayList<>())
                    .add(new StudyOverview.Instance(i.sopInstanceUid(), i.rows(), i.columns(), i.frames(),
                            i.framesPerSecond(), c.source().name(), c.rowSpacing(), c.columnSpacing(), windows,
                            d.transferSyntax().decodable()));
        }
        List<StudyOverview.Series> series = bySeries.entrySet().stream().map(e -> {
            StoredInstance s = seriesFirst.get(e.getKey());
            return new StudyOverview.Series(e.getKey(), s.modality(), s.seriesDescription(), e.getValue());
        }).toList();
        return new StudyOverview(studyUid, p.id(), p.name(), first.studyDate(), first.studyDescription(),
                first.accessionNumber(), series);
    }

    /** The newest studies, identifiers masked, a page of {@code size} (at most 100). */
    public List<StudyOverview.Summary> recent(int size, int page) {
        int limit = Math.max(1, Math.min(100, size));
        return index.studies(new InstanceIndex.StudyQuery(null, null, null, null, null, null, null, limit + 1,
                        Math.max(0, page) * limit)).stream()
                .map(s -> new StudyOverview.Summary(s.studyUid(), PatientMask.mask(s.patient().id()),
                        PatientMask.mask(s.patient().name()), s.studyDate(), String.join("/", s.modalities()),
                        s.studyDescription(), s.series(), s.instances())).toList();
    }

    /** Whole identifiers only with the standing data right, and never for a separated administrator duty. */
    static boolean unmasked(Authentication reader) {
        return DataRights.standing(reader) && !DataRights.holds(reader, "identity:user:write")
                && !DataRights.holds(reader, "identity:role:write") && !DataRights.holds(reader, "audit:read");
    }

    static StoredInstance.Patient shown(StoredInstance.Patient p, Authentication reader) {
        return unmasked(reader) ? p : p.masked();
    }
}
