package org.csotracker.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client against the running app, with its own cookie jar (one browser session). */
public class HttpSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    public HttpSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html,application/json"));
    }

    /** A page visit with a cookie header of the caller's choosing (e.g. an old session id). */
    public HttpResponse<String> getWithCookie(String path, String cookie) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html,application/json")
                .header("Cookie", cookie));
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", basic(user, password))
                .header("Accept", "application/json"));
    }

    public HttpResponse<String> sendJson(String method, String path, String json, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request);
    }

    /** Signs in through the login form, CSRF token included; returns the response to the POST. */
    public HttpResponse<String> login(String user, String password) {
        String token = csrfToken(get("/login").body());
        return postForm("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token));
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return matcher.group(1);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
