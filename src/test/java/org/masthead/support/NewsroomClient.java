package org.masthead.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A browser-like HTTP client for the newsroom: keeps its session cookie, reads the CSRF token from
 * the last page it loaded and sends it with every form. Redirects are not followed.
 */
public final class NewsroomClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final int port;
    private final @Nullable String clientAddress;
    private String csrf = "";

    public NewsroomClient(int port) {
        this(port, null);
    }

    /**
     * A client that looks as if it came from {@code clientAddress}: its requests carry
     * {@code X-Forwarded-For}, as a reverse proxy on this machine would send them.
     */
    public NewsroomClient(int port, @Nullable String clientAddress) {
        this.port = port;
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in; returns the response to the sign-in POST (a redirect on success). */
    public HttpResponse<String> signIn(String username, String password) {
        get("/newsroom/login");
        return post("/newsroom/login", Map.of("username", username, "password", password));
    }

    public static NewsroomClient signedIn(int port, String username, String password) {
        var client = new NewsroomClient(port);
        var response = client.signIn(username, password);
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Cannot sign in as " + username + ": " + response.headers().map());
        }
        client.get("/newsroom/account");
        return client;
    }

    /** A signed-in client, or empty when the credentials are refused. */
    public static Optional<NewsroomClient> signedInOrEmpty(int port, String username, String password) {
        var client = new NewsroomClient(port);
        var response = client.signIn(username, password);
        boolean ok = response.statusCode() == 302
                && !response.headers().firstValue("Location").orElse("").contains("/login");
        return ok ? Optional.of(client) : Optional.empty();
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    public HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(uri(path)).GET());
        remember(response);
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        var pairs = new ArrayList<Map.Entry<String, String>>(form.entrySet());
        return post(path, pairs);
    }

    /** Posts a form whose fields may repeat (checkboxes, blocks); the CSRF token is added. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
        var fields = new ArrayList<>(form);
        if (fields.stream().noneMatch(f -> f.getKey().equals("_csrf"))) {
            fields.add(Map.entry("_csrf", csrf));
        }
        var body = new StringBuilder();
        for (var field : fields) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        var response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        remember(response);
        return response;
    }

    /** Posts one file as multipart/form-data under the field name "file", with the CSRF token. */
    public HttpResponse<String> upload(String path, String fileName, byte[] bytes) {
        var boundary = "----masthead" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        remember(response);
        return response;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrf() {
        return csrf;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void remember(HttpResponse<String> response) {
        var matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
    }
}
