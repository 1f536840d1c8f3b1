package org.medops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like console session over real HTTP: cookies, form login, CSRF tokens taken from the pages. */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public ConsoleSession(int port) {
        this.port = port;
    }

    public ConsoleSession login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = post("/login", "username=" + encode(username) + "&password=" + encode(password),
                "/login");
        assertThat(answer.uri().getPath()).as("signed in").isNotEqualTo("/login");
        return this;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token of {@code formPage}, following the redirect to the page that answers. */
    public HttpResponse<String> post(String path, String form, String formPage) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        assertThat(csrf.find()).as("CSRF token on " + formPage).isTrue();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The list of field messages a refused form came back with (标题：不能为空); fails if there is none. */
    public static String violations(HttpResponse<String> page) {
        int start = page.body().indexOf("id=\"violations\"");
        assertThat(start).as("the form's violations are shown").isPositive();
        return page.body().substring(start, page.body().indexOf("</ul>", start));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
