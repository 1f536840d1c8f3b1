package org.medops.imaging.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The PostgreSQL index of stored instances; studies and series are its rows grouped. */
@Repository
class InstanceIndex {

    private final JdbcClient jdbc;

    InstanceIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A study as QIDO lists it. */
    record StudyRow(String studyUid, StoredInstance.Patient patient, String studyDate, String studyTime,
                    String accessionNumber, String studyDescription, List<String> modalities, int series,
                    int instances) {
    }

    record SeriesRow(String studyUid, String seriesUid, String modality, Integer seriesNumber,
                     String seriesDescription, int instances, String firstInstanceUid) {
    }

    /** QIDO matching: exact UIDs and IDs, a name prefix, a date or date range (yyyymmdd-yyyymmdd). */
    record StudyQuery(String studyUid, String patientId, String patientName, String dateFrom, String dateTo,
                      String accessionNumber, String modality, int limit, int offset) {
    }

    /** Inserts unless the instance is there; true when this call stored it. */
    boolean insertIfAbsent(StoredInstance i) {
        return jdbc.sql("""
                insert into imaging_instances (sop_instance_uid, sop_class_uid, study_uid, series_uid, patient_id,
                    patient_name, patient_sex, patient_birth_date, study_date, study_time, accession_number,
                    study_description, modality, series_number, series_description, instance_number, image_rows,
                    image_columns, frames, frames_per_second, transfer_syntax, calibration, file_name, file_size,
                    sha256, stored_by, stored_at)
                values (:sop, :sopClass, :study, :series, :pid, :pname, :psex, :pbirth, :date, :time, :accession,
                    :description, :modality, :seriesNumber, :seriesDescription, :instanceNumber, :rows, :columns,
                    :frames, :fps, :syntax, :calibration, :file, :size, :sha, :by, :at)
                on conflict (sop_instance_uid) do nothing""")
                .param("sop", i.sopInstanceUid()).param("sopClass", i.sopClassUid()).param("study", i.studyUid())
                .param("series", i.seriesUid()).param("pid", i.patient().id()).param("pname", i.patient().name())
                .param("psex", i.patient().sex()).param("pbirth", i.patient().birthDate())
                .param("date", i.studyDate()).param("time", i.studyTime()).param("accession", i.accessionNumber())
                .param("description", i.studyDescription()).param("modality", i.modality())
                .param("seriesNumber", i.seriesNumber()).param("seriesDescription", i.seriesDescription())
                .param("instanceNumber", i.instanceNumber()).param("rows", i.rows()).param("columns", i.columns())
                .param("frames", i.frames()).param("fps", i.framesPerSecond()).param("syntax", i.transferSyntax())
                .param("calibration", i.calibration()).param("file", i.fileName()).param("size", i.fileSize())
                .param("sha", i.sha256()).param("by", i.storedBy())
                .param("at", java.sql.Timestamp.from(i.storedAt()))
                .update() == 1;
    }

    Optional<StoredInstance> find(String sopInstanceUid) {
        return jdbc.sql("select * from imaging_instances where sop_instance_uid = :sop")
                .param("sop", sopInstanceUid).query(InstanceIndex::instance).optional();
    }

    List<StoredInstance> instances(String studyUid, String seriesUid) {
        return jdbc.sql("""
                select * from imaging_instances where study_uid = :study
                  and (cast(:series as varchar) is null or series_uid = :series)
                order by series_number nulls last, series_uid, instance_number nulls last, sop_instance_uid""")
                .param("study", studyUid).param("series", seriesUid).query(InstanceIndex::instance).list();
    }

    List<SeriesRow> series(String studyUid) {
        return jdbc.sql("""
                select study_uid, series_uid, min(modality) modality, min(series_number) series_number,
                       min(series_description) series_description, count(*) instances,
                       min(sop_instance_uid) first_instance
                  from imaging_instances where study_uid = :study
                 group by study_uid, series_uid order by min(series_number) nulls last, series_uid""")
                .param("study", studyUid)
                .query((rs, n) -> new SeriesRow(rs.getString("study_uid"), rs.getString("series_uid"),
                        rs.getString("modality"), (Integer) rs.getObject("series_number"),
                        rs.getString("series_description"), rs.getInt("instances"), rs.getString("first_instance")))
                .list();
    }

    List<StudyRow> studies(StudyQuery q) {
        return jdbc.sql("""
                select study_uid, min(patient_id) patient_id, min(patient_name) patient_name,
                       min(patient_sex) patient_sex, min(patient_birth_date) patient_birth_date,
                       min(study_date) study_date, min(study_time) study_time,
                       min(accession_number) accession_number, min(study_description) study_description,
                       string_agg(distinct modality, '\\') modalities, count(distinct series_uid) series,
                       count(*) instances
                  from imaging_instances
                 where (cast(:study as varchar) is null or study_uid = :study)
                   and (cast(:pid as varchar) is null or patient_id = :pid)
                   and (cast(:pname as varchar) is null or patient_name like :pname)
                   and (cast(:dateFrom as varchar) is null or study_date >= :dateFrom)
                   and (cast(:dateTo as varchar) is null or study_date <= :dateTo)
                   and (cast(:accession as varchar) is null or accession_number = :accession)
                 group by study_uid
                having (cast(:modality as varchar) is null or bool_or(modality = :modality))
                 order by min(study_date) desc, min(study_time) desc, study_uid
                 limit :limit offset :offset""")
                .param("study", q.studyUid()).param("pid", q.patientId())
                .param("pname", q.patientName() == null ? null : likePrefix(q.patientName()))
                .param("dateFrom", q.dateFrom()).param("dateTo", q.dateTo())
                .param("accession", q.accessionNumber()).param("modality", q.modality())
                .param("limit", q.limit()).param("offset", q.offset())
                .query((rs, n) -> new StudyRow(rs.getString("study_uid"), patient(rs), rs.getString("study_date"),
                        rs.getString("study_time"), rs.getString("accession_number"),
                        rs.getString("study_description"),
                        List.of(rs.getString("modalities") == null ? new String[0]
                                : rs.getString("modalities").split("\\\\")),
                        rs.getInt("series"), rs.getInt("instances")))
                .list();
    }

    long countStudies() {
        return jdbc.sql("select count(distinct study_uid) from imaging_instances").query(Long.class).single();
    }

    /** DICOM wildcard "*" becomes SQL "%"; a plain value matches as a prefix; LIKE's own characters are escaped. */
    private static String likePrefix(String pattern) {
        String escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%')
                .replace('?', '_');
        return escaped.endsWith("%") ? escaped : escaped + "%";
    }

    private static StoredInstance.Patient patient(ResultSet rs) throws SQLException {
        return new StoredInstance.Patient(rs.getString("patient_id"), rs.getString("patient_name"),
                rs.getString("patient_sex"), rs.getString("patient_birth_date"));
    }

    private static StoredInstance instance(ResultSet rs, int n) throws SQLException {
        return new StoredInstance(rs.getString("sop_instance_uid"), rs.getString("sop_class_uid"),
                rs.getString("study_uid"), rs.getString("series_uid"), patient(rs), rs.getString("study_date"),
                rs.getString("study_time"), rs.getString("accession_number"), rs.getString("study_description"),
                rs.getString("modality"), (Integer) rs.getObject("series_number"),
                rs.getString("series_description"), (Integer) rs.getObject("instance_number"),
                rs.getInt("image_rows"), rs.getInt("image_columns"), rs.getInt("frames"),
                rs.getDouble("frames_per_second"), rs.getString("transfer_syntax"), rs.getString("calibration"),
                rs.getString("file_name"), rs.getLong("file_size"), rs.getString("sha256"),
                rs.getString("stored_by"), rs.getTimestamp("stored_at").toInstant());
    }
}
