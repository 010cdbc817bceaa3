package io.krrkit.local.internal.web.http;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visitor of the web page over plain HTTP, without a browser: logs in as a known person for the
 * emulator's organisation and sends forms with the session's cookie and CSRF token, as the pages'
 * own forms do. For tests of other features that need the web page's writes (races with the API).
 *
 * <pre>{@code
 * WebVisitor web = WebVisitor.logIn(fx);
 * Answer added = web.postForm("/integrasjoner/" + id + "/nokler", Map.of("key", publicJwk));
 * }</pre>
 *
 * @param node the emulator visited
 * @param cookie the session cookie's value
 * @param csrf the session's CSRF token, sent with every form
 */
public record WebVisitor(LocalFixture node, String cookie, String csrf) {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** Logs in on {@code node} as a known person acting for {@link KrrLocal#DEFAULT_ORG}. */
  public static WebVisitor logIn(LocalFixture node) {
    Answer form = node.get(node.krrLocal().baseUrl() + "/logg-inn");
    WebVisitor anonymous = new WebVisitor(node, cookieOf(form), csrfOf(form));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("person", KnownPersons.ACTIVE.value());
    fields.put("org", KrrLocal.DEFAULT_ORG.value());
    Answer signedIn = anonymous.postForm("/logg-inn", fields);
    if (signedIn.status() != 303) {
      throw new AssertionError("log-in refused: " + signedIn.status() + " " + signedIn.body());
    }
    // Logging in starts a new session with a new CSRF token; any signed-in page shows it.
    String cookie = cookieOf(signedIn);
    Answer integrations = new WebVisitor(node, cookie, "").get("/integrasjoner");
    return new WebVisitor(node, cookie, csrfOf(integrations));
  }

  /** GETs {@code path} of the web page. */
  public Answer get(String path) {
    return node.send(request(path).GET());
  }

  /** POSTs {@code fields} and the CSRF token as a form to {@code path}. */
  public Answer postForm(String path, Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    body.add(WebRoutes.CSRF_FIELD + "=" + LocalFixture.encode(csrf));
    fields.forEach((k, v) -> body.add(LocalFixture.encode(k) + "=" + LocalFixture.encode(v)));
    return node.send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(node.krrLocal().baseUrl() + path))
        .header("Cookie", SessionCookie.NAME + "=" + cookie);
  }

  private static String csrfOf(Answer page) {
    Matcher csrf = CSRF.matcher(page.body());
    if (!csrf.find()) {
      throw new AssertionError("the page has no CSRF field: " + page.body());
    }
    return csrf.group(1);
  }

  private static String cookieOf(Answer answer) {
    String header = answer.response().headers().firstValue("Set-Cookie").orElseThrow();
    return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
  }
}
