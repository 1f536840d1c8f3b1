package org.medops.publication.topics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TreeMap;

import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A hospital's topic data with {@code --demo}: 40 departments, 200 doctors and a week of clinic schedules from today
 * (written by {@code publisher}, approved by {@code publisher2}), and some drafts still waiting for review.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
@Order(70)
class TopicsDemo implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(TopicsDemo.class);
    static final String WRITER = "publisher";
    static final String APPROVER = "publisher2";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Name, national category, building. */
    private static final String[][] DEPARTMENTS = {
            {"内科", "03", "内科楼"}, {"呼吸内科", "0301", "内科楼"}, {"消化内科", "0302", "内科楼"},
            {"神经内科", "0303", "内科楼"}, {"心血管内科", "0304", "内科楼"}, {"血液内科", "0305", "内科楼"},
            {"肾内科", "0306", "内科楼"}, {"内分泌科", "0307", "内科楼"}, {"风湿免疫科", "0308", "内科楼"},
            {"老年病科", "0310", "内科楼"}, {"外科", "04", "外科楼"}, {"普通外科", "0401", "外科楼"},
            {"神经外科", "0402", "外科楼"}, {"骨科", "0403", "外科楼"}, {"泌尿外科", "0404", "外科楼"},
            {"胸外科", "0405", "外科楼"}, {"心脏大血管外科", "0406", "外科楼"}, {"烧伤科", "0407", "外科楼"},
            {"整形外科", "0408", "外科楼"}, {"妇产科", "05", "妇儿楼"}, {"妇科", "0501", "妇儿楼"},
            {"产科", "0502", "妇儿楼"}, {"儿科", "07", "妇儿楼"}, {"小儿外科", "08", "妇儿楼"},
            {"眼科", "10", "门诊楼"}, {"耳鼻咽喉科", "11", "门诊楼"}, {"口腔科", "12", "门诊楼"},
            {"皮肤科", "13", "门诊楼"}, {"精神心理科", "15", "门诊楼"}, {"感染科", "16", "感染楼"},
            {"肿瘤科", "19", "肿瘤中心"}, {"急诊医学科", "20", "急诊楼"}, {"康复医学科", "21", "康复楼"},
            {"麻醉科", "26", "外科楼"}, {"疼痛科", "27", "门诊楼"}, {"重症医学科", "28", "外科楼"},
            {"医学检验科", "30", "医技楼"}, {"病理科", "31", "医技楼"}, {"医学影像科", "32", "医技楼"},
            {"中医科", "50", "门诊楼"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽华", "海燕", "文斌", "晓明", "静", "伟", "敏",
            "磊", "婷"};
    private static final String[] TITLES = {"231", "232", "233", "234"};

    private final TopicDrafts drafts;
    private final Clock clock;

    TopicsDemo(TopicDrafts drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "publication topics";
    }

    @Override
    public void seed() {
        int added = 0;
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            String[] d = DEPARTMENTS[i];
            String parent = d[1].length() == 4 ? parentOf(d[1]) : null;
            added += publish(Topic.DEPARTMENT, deptCode(i), fields(
                    "name", d[0], "category", d[1], "status", "OPEN", "campus", "本部院区",
                    "location", d[2] + (i % 5 + 1) + "层 " + (i % 5 + 1) + String.format("%02d", i % 20 + 1) + "室",
                    "parent", parent, "phone", "0571-8806" + String.format("%04d", 1000 + i),
                    "openingHours", "周一至周五 08:00-17:00", "beds", String.valueOf(20 + i % 4 * 10),
                    "introduction", d[0] + "是医院重点建设科室，提供门诊、住院和会诊服务。",
                    "director", SURNAMES[i % SURNAMES.length] + GIVEN[(i + 3) % GIVEN.length]));
        }
        for (int i = 0; i < 200; i++) {
            added += publish(Topic.DOCTOR, workNumber(i), fields(
                    "name", SURNAMES[i % SURNAMES.length] + GIVEN[i / SURNAMES.length % GIVEN.length],
                    "sex", i % 3 == 0 ? "2" : "1", "departments", deptCode(i % DEPARTMENTS.length),
                    "title", TITLES[i % TITLES.length], "education", i % 2 == 0 ? "博士研究生" : "硕士研究生",
                    "specialties", DEPARTMENTS[i % DEPARTMENTS.length][0] + "常见病、多发病的诊治",
                    "status", "ACTIVE", "officePhone", "0571-8807" + String.format("%04d", 1000 + i),
                    "mobile", "139" + String.format("%08d", 57_000_000 + i * 37)));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        for (int day = 0; day < 7; day++) {
            LocalDate date = today.plusDays(day);
            for (int i = day % 2; i < 200; i += 2) {
                if (date.getDayOfWeek().getValue() > 5 && i % 4 != 0) {
                    continue; // weekends: fewer clinics
                }
                String period = i % 3 == 0 ? "PM" : "AM";
                String doctor = workNumber(i);
                added += publish(Topic.SCHEDULE, doctor + "-" + date.toString().replace("-", "") + "-" + period, fields(
                        "doctor", doctor, "department", deptCode(i % DEPARTMENTS.length), "date", date.toString(),
                        "period", period, "clinicType", i % TITLES.length == 0 ? "EXPERT" : "GENERAL",
                        "quota", String.valueOf(i % TITLES.length == 0 ? 20 : 40),
                        "fee", i % TITLES.length == 0 ? "50" : "25", "status", "OPEN"));
            }
        }
        added += pendingDrafts(today);
        log.info("Publication demo: {} records and drafts added", added);
    }

    private int pendingDrafts(LocalDate today) {
        int added = 0;
        for (int i : new int[] {1, 4, 13}) {
            if (drafts.pending(Topic.DEPARTMENT, deptCode(i)).isPresent()) {
                continue;
            }
            PublishedRecord current = drafts.published(Topic.DEPARTMENT, deptCode(i)).orElse(null);
            if (current == null) {
                continue;
            }
            TreeMap<String, String> values = new TreeMap<>(current.fields().values());
            values.put("openingHours", "周一至周六 08:00-17:30");
            values.put("phone", "0571-8809" + String.format("%04d", 2000 + i));
            drafts.write(Topic.DEPARTMENT, deptCode(i), Draft.Change.of(new TopicFields(values), false,
                    "门诊时间调整，自下周起周六开诊"), WRITER);
            added++;
        }
        String doctor = workNumber(4);
        String key = doctor + "-" + today.plusDays(2).toString().replace("-", "") + "-" + (4 % 3 == 0 ? "PM" : "AM");
        PublishedRecord clinic = drafts.published(Topic.SCHEDULE, key).orElse(null);
        if (clinic != null && drafts.pending(Topic.SCHEDULE, key).isEmpty() && "OPEN".equals(clinic.fields().get("status"))) {
            TreeMap<String, String> values = new TreeMap<>(clinic.fields().values());
            values.put("status", "CANCELLED");
            values.put("cancelReason", "医生外出会诊");
            drafts.write(Topic.SCHEDULE, key, Draft.Change.of(new TopicFields(values), true, "临时停诊，请尽快通知患者"),
                    WRITER);
            added++;
        }
        return added;
    }

    private int publish(Topic topic, String key, TopicFields fields) {
        if (drafts.published(topic, key).isPresent() || drafts.pending(topic, key).isPresent()) {
            return 0;
        }
        drafts.write(topic, key, Draft.Change.of(fields, false, null), WRITER);
        drafts.approve(topic, key, APPROVER);
        return 1;
    }

    private static String parentOf(String category) {
        String parent = category.substring(0, 2);
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            if (DEPARTMENTS[i][1].equals(parent)) {
                return deptCode(i);
            }
        }
        return null;
    }

    static String deptCode(int i) {
        return String.format("D%03d", i + 1);
    }

    static String workNumber(int i) {
        return String.format("E%04d", i + 1001);
    }

    private static TopicFields fields(String... nameValues) {
        TreeMap<String, String> values = new TreeMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            values.put(nameValues[i], nameValues[i + 1]);
        }
        return new TopicFields(values);
    }
}
