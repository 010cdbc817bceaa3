package io.krrkit.interop;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person at the browser, for the relying-party tests: a real HTTP client with a cookie jar
 * (ID-porten's SSO cookie) that opens the authorization URL a library built, types an identity
 * number into the login page's "other person" form and submits it, as a person does, and hands the
 * redirect back to the library. No redirect is followed: the library under test reads it.
 */
public final class IdportenBrowser {
  private static final Pattern FORM =
      Pattern.compile("<form id=\"other\" method=\"post\" action=\"([^\"]*)\">(.*?)</form>");
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** What the browser got: the status, the {@code Location} header (or null) and the body. */
  public record Page(int status, URI location, String body) {}

  /** GETs {@code uri} with the browser's cookies. */
  public Page get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  /**
   * Opens {@code authorizationUri} and logs in as {@code pid} on the login page; the answer is the
   * redirect back to the client (or, when the SSO session answers at once, that redirect).
   */
  public URI logIn(URI authorizationUri, String pid) {
    Page page = get(authorizationUri);
    if (page.status() == 302) {
      return page.location();
    }
    if (page.status() != 200) {
      throw new AssertionError("login page: " + page.status() + " " + page.body());
    }
    Matcher form = FORM.matcher(page.body());
    if (!form.find()) {
      throw new AssertionError("no login form on " + page.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(form.group(2));
    while (hidden.find()) {
      fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
    }
    fields.put("pid", pid);
    Page answer =
        send(
            HttpRequest.newBuilder(authorizationUri.resolve(unescape(form.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    if (answer.status() != 302) {
      throw new AssertionError("login: " + answer.status() + " " + answer.body());
    }
    return answer.location();
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(
          response.statusCode(),
          response.headers().firstValue("Location").map(URI::create).orElse(null),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("browser: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String encode(Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
