-- The hospital's systems a fault, requirement, defect or change is about: a managed list, seeded with
-- the systems the procurement documents name.
create table opsdesk_systems (
    code       varchar(32) primary key,
    name       varchar(128) not null,
    active     boolean not null default true,
    sort_order int not null default 0
);

insert into opsdesk_systems(code, name, sort_order) values
    ('HIS', 'HIS 医院信息系统', 10),
    ('LIS', 'LIS 检验信息系统', 20),
    ('PACS', 'PACS 影像归档与通信系统', 30),
    ('RIS', 'RIS 放射信息系统', 40),
    ('EMR', 'EMR 电子病历', 50),
    ('CIS', 'CIS 临床信息系统', 60),
    ('YB', '医保接口', 70),
    ('GATEWAY', '外联平台', 80),
    ('NETWORK', '网络与机房', 90),
    ('OTHER', '其他', 100);
