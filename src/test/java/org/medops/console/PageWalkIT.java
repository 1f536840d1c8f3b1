package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.Browser;
import org.medops.testing.MedopsTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Walks every console and portal page a demo user reaches from the navigation, plus one detail page per kind
 * linked from those pages, in Chinese and English, and fails on text a reader should never see: a missing
 * message key, a bare enum constant, an English field name in Chinese validation output, a raw IPv6 loopback
 * or a Java record dump. Pages are discovered from the navigation, so pages added later are walked too.
 */
@MedopsTest
@TestPropertySource(properties = {"medops.demo=true", "medops.demo-upstream-port=0", "medops.demo-traffic-period=40ms"})
class PageWalkIT {

    static final String DEMO_PASSWORD = "MedOps#Demo2026";
    static final String DEVELOPER_PASSWORD = "Dev#Portal-2026x";

    /** Upper-case words that are real acronyms or protocol names, not enum constants. */
    static final Set<String> ACRONYMS = Set.of("HIS", "LIS", "PACS", "RIS", "EMR", "API", "SLA", "HL7", "PDF", "IP", "URL",
            "CSV", "HTTP", "HTTPS", "JSON", "XML", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "MLLP",
            "FHIR", "UTC", "CPU", "JVM", "TLS", "SSL", "SM2", "SM3", "SM4", "HMAC", "SHA", "RSA", "QPS", "TPS", "MEDOPS",
            "CST", "OAS", "YAML", "PNG", "XLSX", "DOCX", "HTML", "TCP", "SSH", "SQL", "JDBC", "WECOM", "SMS", "UUID",
            "ASCII", "MPI", "HMAC-SHA256", "SHA256", "SHA-256", "MD5", "CORS", "CSRF", "OTP", "MIT", "GMT", "NTP",
            "APP", "PID", "MSH", "ADT", "ORU", "ORM", "CDA", "DICOM", "LAN", "WAN", "VPN", "DNS", "KPI", "DB", "UPS",
            "MTTR", "ITIL", "OA", "CA", "WAF", "CIS", "JPG", "GIF", "ZIP", "TXT", "LOG", "SMTP", "CIDR", "MLPS", "RFC", "ICU");
    /** Demo usernames: in Chinese pages people appear by their display name. */
    static final Pattern USERNAME = Pattern.compile("(?<![A-Za-z0-9_.@-])(manager|engineer|reviewer|auditor|secadmin|viewer|committee2?)(?![A-Za-z0-9_.@-])");
    static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    /** HL7 v3 interaction ids (PRPA_IN201311UV02): names of the national interfaces' services, not enum constants. */
    static final Pattern INTERACTION = Pattern.compile("[A-Z]{4}_IN\\d{6}(UV\\d{0,2})?");
    static final Pattern CONSTANT = Pattern.compile("(?<![A-Za-z0-9_\\-/.{$])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_\\-/.}(])");
    static final Pattern FIELD_COLON = Pattern.compile("(?<![A-Za-z./:])[a-z][A-Za-z]{2,}(?:\\s*：|: )");
    static final Pattern LOOPBACK = Pattern.compile("0:0:0:0:0:0:0:1");
    static final Pattern RECORD_DUMP = Pattern.compile("\\b[A-Z][A-Za-z]+\\[[a-z][A-Za-z]*=");
    static final Pattern HREF = Pattern.compile("<a\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    static final Pattern HREF_VALUE = Pattern.compile("href=\"([^\"]*)\"");
    static final Pattern SKIPPED = Pattern.compile(
            "^/(logout|portal/logout|webjars|css|js|_static|v3|swagger-ui|actuator|api)\\b|\\.(csv|pdf|xlsx|docx|zip|json|yaml)$"
                    + "|/(export|download|attachments?|pdf|file)(/|$)");

    @LocalServerPort
    int port;

    @Test
    void everyPageReadsInWordsInBothLanguages() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/v1/services/yb/docs").status() == 200
                && admin.get("/api/v1/channels/hospital-app").status() == 200);
        String developer = registerDeveloper(admin);

        Map<String, List<String>> findings = new java.util.TreeMap<>();
        Set<String> walked = new TreeSet<>();
        record Account(String username, String password, String loginPage, String start) { }
        List<Account> accounts = List.of(new Account("admin", MedopsTest.ADMIN_PASSWORD, "/login", "/"),
                new Account("manager", DEMO_PASSWORD, "/login", "/"), new Account("engineer", DEMO_PASSWORD, "/login", "/"),
                new Account("reviewer", DEMO_PASSWORD, "/login", "/"), new Account("auditor", DEMO_PASSWORD, "/login", "/"),
                new Account("secadmin", DEMO_PASSWORD, "/login", "/"), new Account("viewer", DEMO_PASSWORD, "/login", "/"),
                new Account("committee", DEMO_PASSWORD, "/login", "/"),
                new Account(developer, DEVELOPER_PASSWORD, "/portal/login", "/portal"));
        for (Account account : accounts) {
            Session session = new Session().login(account.loginPage(), account.username(), account.password());
            for (String lang : List.of("zh_CN", "en")) {
                session.get(account.start() + "?lang=" + lang);
                for (Map.Entry<String, String> page : session.walk(account.start()).entrySet()) {
                    walked.add(page.getKey());
                    check(account.username() + " " + lang + " " + page.getKey(), page.getValue(), lang, findings);
                }
                if (!session.broken.isEmpty()) {
                    findings.put(account.username() + " " + lang + " broken pages", List.copyOf(session.broken));
                    session.broken.clear();
                }
                for (Map.Entry<String, String> form : session.invalidForms().entrySet()) {
                    check(account.username() + " " + lang + " POST " + form.getKey(), form.getValue(), lang, findings);
                }
            }
        }
        Session anonymous = new Session();
        for (String lang : List.of("zh_CN", "en")) {
            anonymous.get("/portal/register?lang=" + lang);
            check("anonymous " + lang + " POST /portal/register", anonymous.registerBadly(), lang, findings);
        }

        assertThat(walked).as("pages walked").hasSizeGreaterThan(40)
                .contains("/opsdesk/tickets", "/roles", "/audit", "/portal/apis");
        assertThat(findings).as("pages with text a reader should never see (page → text)").isEmpty();
    }

    /**
     * The pages the issue showed, looked at in both languages: the ticket page's actions fit their card, the role
     * editor is read-only for a caller who cannot write roles, audit details read field by field, registration
     * errors name their fields in words.
     */
    @Test
    void theTicketRoleAuditAndRegistrationPagesReadWellInBothLanguages() {
        Api manager = new Api(port).as("manager", DEMO_PASSWORD);
        long ticket = -1;
        for (tools.jackson.databind.JsonNode t : manager.get("/api/v1/opsdesk/tickets?status=IN_PROGRESS&size=20").json().get("rows")) {
            if (t.get("status").asString().equals("IN_PROGRESS")) {
                ticket = t.get("id").asLong();
                break;
            }
        }
        assertThat(ticket).as("a ticket in progress in the demo").isPositive();
        for (String lang : List.of("zh_CN", "en")) {
            try (Browser browser = Browser.open(port)) {
                browser.login("engineer", DEMO_PASSWORD).waitForPath("/");
                browser.go("/opsdesk/tickets/" + ticket + "?lang=" + lang);
                org.openqa.selenium.WebElement card = browser.find("#ticket-actions");
                int right = card.getRect().getX() + card.getRect().getWidth();
                for (org.openqa.selenium.WebElement button : browser.findAll("#ticket-actions .btn")) {
                    assertThat(button.getRect().getX() + button.getRect().getWidth()).as(lang + " button " + button.getText()
                            + " inside the actions card").isLessThanOrEqualTo(right);
                }
                browser.scrollTo("#ticket-actions").screenshot("walk-ticket-" + lang);
                browser.go("/opsdesk/tickets/" + ticket + "?lang=" + lang).scrollTo("#timeline").screenshot("walk-ticket-timeline-" + lang);
            }
            try (Browser browser = Browser.open(port)) {
                browser.login("viewer", DEMO_PASSWORD).waitForPath("/");
                browser.go("/roles/OPS_ENGINEER?lang=" + lang);
                assertThat(browser.findAll("input[type=checkbox]")).as("read-only role page has no checkboxes").isEmpty();
                assertThat(browser.text("#role-permissions-readonly")).doesNotContain("??");
                browser.screenshot("walk-role-readonly-" + lang);
            }
            try (Browser browser = Browser.open(port)) {
                browser.login("secadmin", DEMO_PASSWORD).waitForPath("/");
                browser.go("/roles/new?lang=" + lang).screenshot("walk-role-editor-" + lang);
            }
            try (Browser browser = Browser.open(port)) {
                browser.login("auditor", DEMO_PASSWORD).waitForPath("/");
                browser.go("/audit?lang=" + lang);
                assertThat(browser.text("#audit-records")).doesNotContain("0:0:0:0:0:0:0:1").doesNotContain("Settings[");
                browser.screenshot("walk-audit-" + lang);
            }
            try (Browser browser = Browser.open(port)) {
                browser.go("/portal/register?lang=" + lang);
                browser.type("#displayName", "张工").type("#username", "walker" + lang.charAt(0))
                        .type("#email", "walker@partner.test").type("#phone", "call me").type("#organisation", "健康云")
                        .type("#password", DEVELOPER_PASSWORD).type("#confirmPassword", DEVELOPER_PASSWORD)
                        .click("#register-submit");
                String errors = browser.text("#violations");
                assertThat(errors).as("the phone's rule in words, under the field's label")
                        .contains(lang.startsWith("zh") ? "手机号码" : "Mobile").doesNotContain("[0-9").doesNotContain("phone");
                browser.screenshot("walk-register-error-" + lang);
            }
        }
    }

    private static void check(String where, String html, String lang, Map<String, List<String>> findings) {
        List<String> bad = new ArrayList<>();
        // An API's documentation quotes the hospital API's own values (a settlement's status PENDING): content, not labels.
        boolean apiDocs = where.matches(".* /(portal|developer)/apis/[^/]+$");
        for (String text : visibleText(html)) {
            find(MISSING_KEY, text, bad);
            find(LOOPBACK, text, bad);
            find(RECORD_DUMP, text, bad);
            Matcher constant = CONSTANT.matcher(text);
            while (constant.find()) {
                String token = constant.group();
                long letters = token.chars().filter(Character::isLetter).count();
                if (letters >= 3 && !apiDocs && !ACRONYMS.contains(token) && !INTERACTION.matcher(token).matches() && !java.time.ZoneId.getAvailableZoneIds().contains(token)) {
                    bad.add(token + " in «" + excerpt(text, constant.start()) + "»");
                }
            }
            if (lang.startsWith("zh")) {
                find(FIELD_COLON, text, bad);
                // User administration and the audit trail's targets name accounts by their username on purpose.
                if (!where.matches(".* /(users|users/[^/]+|audit)$")) {
                    find(USERNAME, text, bad);
                }
            }
        }
        if (!bad.isEmpty()) {
            findings.put(where, new ArrayList<>(new LinkedHashSet<>(bad)));
        }
    }

    private static void find(Pattern pattern, String text, List<String> bad) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            bad.add(m.group() + " in «" + excerpt(text, m.start()) + "»");
        }
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)).replaceAll("\\s+", " ");
    }

    /** The text nodes a reader sees: outside scripts, styles, tags and comments, entities decoded. */
    static List<String> visibleText(String html) {
        String body = html.replaceAll("(?is)<(script|style|textarea|pre|code|template)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ");
        List<String> texts = new ArrayList<>();
        for (String chunk : body.split("<[^>]*>")) {
            String text = decode(chunk).strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static String decode(String text) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        numeric.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }

    private String registerDeveloper(Api admin) {
        String username = "walk" + UUID.randomUUID().toString().substring(0, 5);
        Api.Response registered = new Api(port).post("/api/v1/portal/registrations", """
                {"username":"%s","displayName":"张工","email":"%s@partner.test","phone":"13800000000",
                 "organisation":"健康云科技有限公司","channelCode":"wechat-mp","password":"%s","confirmPassword":"%s"}"""
                .formatted(username, username, DEVELOPER_PASSWORD, DEVELOPER_PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/developer-registrations/" + registered.json().get("id").asLong() + "/approve",
                "{\"channelCode\":\"wechat-mp\",\"owner\":false}").status()).isEqualTo(200);
        return username;
    }

    /** One signed-in browser-less session: cookies kept (session, language), CSRF token from the last page. */
    private final class Session {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private String csrf;
        private final Set<String> forms = new LinkedHashSet<>();
        /** Pages whose rendering broke off (a template error after the first bytes were sent). */
        final List<String> broken = new ArrayList<>();

        Session login(String loginPage, String username, String password) throws Exception {
            csrf = token(get(loginPage).body());
            HttpResponse<String> answer = post(loginPage, "username=" + encode(username) + "&password=" + encode(password));
            assertThat(answer.statusCode()).as("signed in " + username).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return this;
        }

        /**
         * Pages from the navigation of the start page, then from links on those pages one page per kind (ids
         * folded), at most a few per list. Answers path → HTML for each page that answered 200.
         */
        Map<String, String> walk(String start) throws Exception {
            Map<String, String> pages = new java.util.LinkedHashMap<>();
            String home = get(start).body();
            pages.put(start, home);
            Deque<String> navigation = new ArrayDeque<>(navLinks(home));
            Set<String> kinds = new LinkedHashSet<>();
            Map<String, Integer> perParent = new HashMap<>();
            Deque<String> details = new ArrayDeque<>();
            while (!navigation.isEmpty()) {
                String path = navigation.poll();
                if (pages.containsKey(path)) {
                    continue;
                }
                kinds.add(kind(path));
                HttpResponse<String> page = tryGet(path);
                if (page == null || page.statusCode() != 200) {
                    continue;
                }
                pages.put(path, page.body());
                for (String link : links(page.body())) {
                    String kind = kind(link);
                    String parent = link.substring(0, Math.max(1, link.lastIndexOf('/')));
                    if (kinds.add(kind) && perParent.merge(parent, 1, Integer::sum) <= 4) {
                        details.add(link);
                    }
                }
            }
            for (String path : details) {
                HttpResponse<String> page = tryGet(path);
                if (page != null && page.statusCode() == 200 && page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    pages.put(path, page.body());
                }
            }
            pages.keySet().stream().filter(p -> p.endsWith("/new") || p.endsWith("/register")).forEach(forms::add);
            return pages;
        }

        /** Every "new" form posted empty: what it answers is validation output. */
        Map<String, String> invalidForms() throws Exception {
            Map<String, String> answers = new java.util.LinkedHashMap<>();
            for (String form : forms) {
                String page = get(form).body();
                Matcher action = Pattern.compile("<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*method=\"post\"",
                        Pattern.CASE_INSENSITIVE).matcher(page);
                if (action.find()) {
                    String target = decode(action.group(1) != null ? action.group(1) : action.group(2));
                    csrf = token(page);
                    HttpResponse<String> answer = post(target.split("\\?")[0], "title=&name=&code=&username=");
                    answers.put(target, answer.body());
                }
            }
            return answers;
        }

        String registerBadly() throws Exception {
            csrf = token(get("/portal/register").body());
            return post("/portal/register", "username=" + encode("a b") + "&displayName=&email=bad&phone=x&password=short"
                    + "&confirmPassword=other&organisation=&channelCode=").body();
        }

        private List<String> navLinks(String html) {
            List<String> links = new ArrayList<>();
            Matcher a = HREF.matcher(html);
            while (a.find()) {
                if (a.group(1).contains("nav-link")) {
                    Matcher href = HREF_VALUE.matcher(a.group(1));
                    if (href.find() && local(href.group(1)) != null) {
                        links.add(local(href.group(1)));
                    }
                }
            }
            return links;
        }

        private List<String> links(String html) {
            List<String> links = new ArrayList<>();
            Matcher a = HREF.matcher(html);
            while (a.find()) {
                Matcher href = HREF_VALUE.matcher(a.group(1));
                if (href.find() && local(href.group(1)) != null) {
                    links.add(local(href.group(1)));
                }
            }
            return links;
        }

        private static String local(String href) {
            String path = decode(href).split("[?#]")[0];
            if (!path.startsWith("/") || path.startsWith("//") || SKIPPED.matcher(path).find()) {
                return null;
            }
            return path;
        }

        /** A page's kind: its path with every segment holding a digit folded, so ticket 12 and 13 are one kind. */
        private static String kind(String path) {
            return path.replaceAll("/[^/]*[0-9][^/]*", "/#");
        }

        private HttpResponse<String> tryGet(String path) throws Exception {
            try {
                return get(path);
            } catch (java.io.IOException brokeOff) {
                broken.add(path + " (" + brokeOff.getMessage() + ")");
                return null;
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(30));
        }

        private static String token(String page) {
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("CSRF token").isTrue();
            return token.group(1);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
