package org.medops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API route states its permission, and a signed-in caller without it is refused with 403
 * before anything else happens — no validation errors, no 404 of a record, no 500. The routes are read
 * from Spring MVC's own handler mappings, so a new controller is covered the day it is written; the calls
 * go through the real port and the real security filters (bearer token for the API, a console session
 * with its CSRF token for pages), as the cheap, mock-free stand-in for one security slice per controller.
 */
@MedopsTest
class PermissionCrawlIT {

    private static final String PASSWORD = "Crawl#Perm-2026";

    /**
     * The routes that are deliberately open to anyone signed in (or to nobody signed in): sign-in and
     * token, one's own password, the home and denied pages, self-registration, the portal's sign-in, the payment
     * channels' signed notifications. Everything else must carry {@code @PreAuthorize}.
     */
    private static final Set<String> OPEN = Set.of(
            "GET /", "GET /denied", "GET /login", "GET /portal/login", "GET /portal",
            "POST /api/v1/auth/token", "GET /account/password", "POST /account/password",
            "POST /api/v1/account/password", "GET /portal/register", "POST /portal/register",
            "POST /api/v1/portal/registrations",
            // Payment channels' notifications: no person calls them; each is authenticated by the channel's own
            // signature and decryption (payment.orders.ChannelNotificationEndpoint), a forgery answered 401.
            "POST /payment-notify/wechat/{merchant}", "POST /payment-notify/wechat/{merchant}/refund");

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void everyRouteOutsideTheOpenListStatesItsPermission() {
        List<String> unguarded = routes().stream().filter(route -> route.permission() == null && !route.builtIn())
                .map(Route::key).filter(key -> !OPEN.contains(key)).sorted().toList();
        assertThat(unguarded).as("routes without @PreAuthorize (add one, or the route to OPEN with a reason)").isEmpty();
        assertThat(routes().stream().map(Route::key).toList()).as("OPEN names only routes that exist").containsAll(OPEN);
    }

    /**
     * Built-in services ({@code /builtin/**}) are called by the gateway on a channel's behalf: their permission is the
     * gateway's proof (a channel's grant), so a signed-in person, and anyone else, is refused with 401.
     */
    @Test
    void everyBuiltInServiceRouteRefusesACallThatDidNotComeThroughTheGateway() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (route.builtIn()) {
                int status = admin.send(route.method().name(), route.samplePath(), route.sampleBody(),
                        route.contentType()).status();
                if (status != 401) {
                    wrong.add(route.key() + " → " + status);
                }
            }
        }
        assertThat(wrong).as("built-in service routes that answered a call without the gateway's proof").isEmpty();
    }

    @Test
    void aSignedInCallerWithoutThePermissionIsRefusedWith403BeforeAnythingElse() throws Exception {
        String username = "noperm" + UUID.randomUUID().toString().substring(0, 6);
        Api api = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD).newUser(username, "无权限用户", PASSWORD);
        Console console = new Console().login(username, PASSWORD);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Route route : routes()) {
            if (route.permission() == null || route.grantedToEveryone()) {
                continue;
            }
            int status = route.api() ? api.send(route.method().name(), route.samplePath(), route.sampleBody(),
                    route.contentType()).status() : console.send(route);
            checked++;
            if (status != 403) {
                wrong.add(route.key() + " → " + status + " (needs " + route.permission() + ")");
            }
        }
        assertThat(wrong).as("routes that did not answer 403 to a caller without their permission").isEmpty();
        assertThat(checked).as("routes checked").isGreaterThan(250);
    }

    /**
     * Every GET route with an id in its path, asked by the administrator for a record that does not exist, answers
     * 404 (or 403 where the route belongs to another duty), never a 500 and never a page for a record it invented.
     */
    @Test
    void everyRouteWithAnUnknownIdAnswers404NotAnError() throws Exception {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Console console = new Console().login("admin", MedopsTest.ADMIN_PASSWORD);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        int notFound = 0;
        for (Route route : routes()) {
            if (route.method() != RequestMethod.GET || !route.path().contains("{") || route.builtIn()) {
                continue;
            }
            Route unknown = new Route(route.method(), route.path(), route.permission(), route.consumes(), "999999999");
            if (!unknown.samplePath().contains(unknown.id())) {
                continue; // its only variables are words from a fixed list: no id to be unknown
            }
            int status = route.api() ? admin.get(unknown.samplePath()).status() : console.send(unknown);
            checked++;
            notFound += status == 404 ? 1 : 0;
            if (status != 404 && status != 403) {
                wrong.add(route.key() + " → " + status);
            }
        }
        assertThat(wrong).as("GET routes that did not answer 404 for an unknown id").isEmpty();
        assertThat(checked).as("routes with an id checked").isGreaterThan(30);
        assertThat(notFound).as("answered 404 (the rest are another duty's routes)").isGreaterThan(25);
    }

    /** Every handler method of MedOps with each of its paths and the first of its HTTP methods. */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = entry.getValue();
                if (!handler.getBeanType().getName().startsWith("org.medops.")) {
                    continue;
                }
                RequestMappingInfo info = entry.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                RequestMethod method = methods.isEmpty() ? RequestMethod.GET
                        : methods.stream().min(Comparator.naturalOrder()).orElseThrow();
                String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .map(MediaType::toString).findFirst().orElse(null);
                for (String path : info.getPatternValues()) {
                    routes.add(new Route(method, path, permission(handler), consumes, "1"));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::key));
        return routes;
    }

    private static String permission(HandlerMethod handler) {
        Method method = handler.getMethod();
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return annotation == null ? null : annotation.value();
    }

    /** @param id what each path variable is filled with */
    private record Route(RequestMethod method, String path, String permission, String consumes, String id) {

        private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

        String key() {
            return method + " " + path;
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        /** A built-in service's route: only the gateway calls it, with its proof. */
        boolean builtIn() {
            return path.startsWith("/builtin/");
        }

        /** A rule any signed-in caller passes is not a permission this crawl can be refused by. */
        boolean grantedToEveryone() {
            return permission.contains("isAuthenticated()") || permission.contains("permitAll");
        }

        /** Path variables filled with a plausible value: the refusal must come before the record is looked up. */
        String samplePath() {
            Matcher variable = VARIABLE.matcher(path.replace("/**", "/" + id));
            StringBuilder sample = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(sample, Matcher.quoteReplacement(sampleValue(variable.group())));
            }
            variable.appendTail(sample);
            return sample.toString();
        }

        /** A variable constrained to a list of words ({@code {kind:calls|visits}}) takes its first word. */
        private String sampleValue(String variable) {
            int colon = variable.indexOf(':');
            if (colon > 0) {
                String first = variable.substring(colon + 1, variable.length() - 1).split("\\|")[0];
                if (first.matches("[A-Za-z0-9_-]+")) {
                    return first;
                }
            }
            return id;
        }

        boolean hasBody() {
            return method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH;
        }

        String contentType() {
            if (!hasBody()) {
                return null;
            }
            if (consumes == null) {
                return api() ? "application/json" : "application/x-www-form-urlencoded";
            }
            // Multipart bodies keep their own subtype (STOW-RS consumes multipart/related), with a boundary.
            return consumes.startsWith("multipart/") ? consumes + "; boundary=crawl" : consumes;
        }

        String sampleBody() {
            if (!hasBody()) {
                return null;
            }
            String type = contentType();
            if (type.startsWith("multipart/")) {
                return "--crawl--\r\n";
            }
            return type.contains("json") ? "{}" : "";
        }
    }

    /** A console session: cookies kept, CSRF token read from a page the caller may see. */
    private final class Console {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private String csrf;

        Console login(String username, String password) throws Exception {
            csrf = token(get("/login"));
            HttpResponse<String> answer = http.send(request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(password) + "&_csrf=" + encode(csrf))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("signed in").isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
            csrf = token(get("/"));
            return this;
        }

        int send(Route route) throws Exception {
            HttpRequest.Builder request = request(route.samplePath()).header("X-CSRF-TOKEN", csrf);
            if (route.hasBody()) {
                String body = route.sampleBody();
                if (route.contentType().startsWith("application/x-www-form-urlencoded")) {
                    body = "_csrf=" + encode(csrf);
                }
                request.header("Content-Type", route.contentType())
                        .method(route.method().name(), HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(route.method().name(), HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
        }

        private static String token(HttpResponse<String> page) {
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("CSRF token on " + page.uri()).isTrue();
            return token.group(1);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
