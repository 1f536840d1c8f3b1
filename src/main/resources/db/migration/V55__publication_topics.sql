-- Data publication center (数据统一发布中心): code tables, topic records (departments, doctors, clinic schedules),
-- reviewed drafts and the versions they published. Versions come from one counter row, taken under its row lock by
-- each approval, so they only grow and commit in their order (a change feed reading "after N" never skips one).
create table publication_codes (
    table_code varchar(32)  not null,
    code       varchar(32)  not null,
    label      varchar(200) not null,
    label_en   varchar(200) not null,
    active     boolean      not null default true,
    position   int          not null default 0,
    updated_by varchar(64),
    updated_at timestamptz,
    primary key (table_code, code)
);

create table publication_head (
    id      int primary key check (id = 1),
    version bigint not null
);
insert into publication_head(id, version) values (1, 0);

-- The published state of each record: what the gateway serves.
create table publication_records (
    topic      varchar(16) not null,
    record_key varchar(64) not null,
    fields     jsonb       not null,
    version    bigint      not null,
    removed    boolean     not null default false,
    primary key (topic, record_key)
);
create index publication_records_version on publication_records (topic, version);

create table publication_drafts (
    id                bigserial primary key,
    topic             varchar(16)  not null,
    record_key        varchar(64)  not null,
    fields            jsonb        not null,
    removal           boolean      not null default false,
    urgent            boolean      not null default false,
    note              varchar(1000),
    rollback_of       bigint,
    based_on_version  bigint,
    author            varchar(64)  not null,
    written_at        timestamptz  not null,
    status            varchar(16)  not null,
    decided_by        varchar(64),
    decided_at        timestamptz,
    decision_reason   varchar(1000),
    published_version bigint
);
-- One open draft per record: a second writer sees the first's draft instead of silently replacing it.
create unique index publication_drafts_pending on publication_drafts (topic, record_key) where status = 'PENDING';
create index publication_drafts_status on publication_drafts (status, written_at);

create table publication_versions (
    version      bigint primary key,
    topic        varchar(16) not null,
    record_key   varchar(64) not null,
    fields       jsonb       not null,
    removed      boolean     not null,
    changes      jsonb       not null,
    draft_id     bigint      not null references publication_drafts (id),
    author       varchar(64) not null,
    approved_by  varchar(64) not null,
    urgent       boolean     not null,
    rollback_of  bigint,
    published_at timestamptz not null
);
create index publication_versions_record on publication_versions (topic, record_key, version);
create index publication_versions_topic on publication_versions (topic, version);

-- Doctor photos: the content's type is read from its bytes; publishing one needs the doctor's recorded consent.
create table publication_photos (
    work_number  varchar(64) primary key,
    content      bytea        not null,
    content_type varchar(64)  not null,
    consent_note varchar(500) not null,
    consent_at   timestamptz  not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null
);

-- 性别 GB/T 2261.1-2003
insert into publication_codes(table_code, code, label, label_en, position) values
 ('sex', '0', '未知的性别', 'Unknown', 0),
 ('sex', '1', '男性', 'Male', 1),
 ('sex', '2', '女性', 'Female', 2),
 ('sex', '9', '未说明的性别', 'Not stated', 9);

-- 专业技术职务 (GB/T 8561, 卫生技术人员)
insert into publication_codes(table_code, code, label, label_en, position) values
 ('title', '231', '主任医师', 'Chief physician', 1),
 ('title', '232', '副主任医师', 'Associate chief physician', 2),
 ('title', '233', '主治医师', 'Attending physician', 3),
 ('title', '234', '医师', 'Physician', 4),
 ('title', '235', '医士', 'Assistant physician', 5),
 ('title', '241', '主任药师', 'Chief pharmacist', 6),
 ('title', '242', '副主任药师', 'Associate chief pharmacist', 7),
 ('title', '243', '主管药师', 'Pharmacist-in-charge', 8),
 ('title', '251', '主任护师', 'Chief nurse', 9),
 ('title', '252', '副主任护师', 'Associate chief nurse', 10),
 ('title', '253', '主管护师', 'Nurse-in-charge', 11),
 ('title', '254', '护师', 'Senior nurse', 12),
 ('title', '255', '护士', 'Nurse', 13),
 ('title', '261', '主任技师', 'Chief technologist', 14),
 ('title', '262', '副主任技师', 'Associate chief technologist', 15),
 ('title', '263', '主管技师', 'Technologist-in-charge', 16);

-- 医疗卫生机构业务科室分类与代码 (the national department classification)
insert into publication_codes(table_code, code, label, label_en, position) values
 ('department-category', '01', '预防保健科', 'Preventive care', 1),
 ('department-category', '02', '全科医疗科', 'General practice', 2),
 ('department-category', '03', '内科', 'Internal medicine', 3),
 ('department-category', '0301', '呼吸内科专业', 'Respiratory medicine', 4),
 ('department-category', '0302', '消化内科专业', 'Gastroenterology', 5),
 ('department-category', '0303', '神经内科专业', 'Neurology', 6),
 ('department-category', '0304', '心血管内科专业', 'Cardiology', 7),
 ('department-category', '0305', '血液内科专业', 'Haematology', 8),
 ('department-category', '0306', '肾病学专业', 'Nephrology', 9),
 ('department-category', '0307', '内分泌专业', 'Endocrinology', 10),
 ('department-category', '0308', '免疫学专业', 'Immunology', 11),
 ('department-category', '0309', '变态反应专业', 'Allergy', 12),
 ('department-category', '0310', '老年病专业', 'Geriatrics', 13),
 ('department-category', '04', '外科', 'Surgery', 14),
 ('department-category', '0401', '普通外科专业', 'General surgery', 15),
 ('department-category', '0402', '神经外科专业', 'Neurosurgery', 16),
 ('department-category', '0403', '骨科专业', 'Orthopaedics', 17),
 ('department-category', '0404', '泌尿外科专业', 'Urology', 18),
 ('department-category', '0405', '胸外科专业', 'Thoracic surgery', 19),
 ('department-category', '0406', '心脏大血管外科专业', 'Cardiovascular surgery', 20),
 ('department-category', '0407', '烧伤科专业', 'Burns', 21),
 ('department-category', '0408', '整形外科专业', 'Plastic surgery', 22),
 ('department-category', '05', '妇产科', 'Obstetrics and gynaecology', 23),
 ('department-category', '0501', '妇科专业', 'Gynaecology', 24),
 ('department-category', '0502', '产科专业', 'Obstetrics', 25),
 ('department-category', '06', '妇女保健科', 'Women''s health care', 26),
 ('department-category', '07', '儿科', 'Paediatrics', 27),
 ('department-category', '08', '小儿外科', 'Paediatric surgery', 28),
 ('department-category', '09', '儿童保健科', 'Child health care', 29),
 ('department-category', '10', '眼科', 'Ophthalmology', 30),
 ('department-category', '11', '耳鼻咽喉科', 'Otorhinolaryngology', 31),
 ('department-category', '12', '口腔科', 'Stomatology', 32),
 ('department-category', '13', '皮肤科', 'Dermatology', 33),
 ('department-category', '14', '医疗美容科', 'Medical cosmetology', 34),
 ('department-category', '15', '精神科', 'Psychiatry', 35),
 ('department-category', '16', '传染科', 'Infectious diseases', 36),
 ('department-category', '17', '结核病科', 'Tuberculosis', 37),
 ('department-category', '19', '肿瘤科', 'Oncology', 38),
 ('department-category', '20', '急诊医学科', 'Emergency medicine', 39),
 ('department-category', '21', '康复医学科', 'Rehabilitation medicine', 40),
 ('department-category', '22', '运动医学科', 'Sports medicine', 41),
 ('department-category', '23', '职业病科', 'Occupational diseases', 42),
 ('department-category', '26', '麻醉科', 'Anaesthesiology', 43),
 ('department-category', '27', '疼痛科', 'Pain medicine', 44),
 ('department-category', '28', '重症医学科', 'Critical care medicine', 45),
 ('department-category', '30', '医学检验科', 'Laboratory medicine', 46),
 ('department-category', '31', '病理科', 'Pathology', 47),
 ('department-category', '32', '医学影像科', 'Medical imaging', 48),
 ('department-category', '50', '中医科', 'Traditional Chinese medicine', 49),
 ('department-category', '52', '中西医结合科', 'Integrated Chinese and Western medicine', 50);
