package io.krrkit.local.internal.idporten;

import java.util.List;
import java.util.Map;

/**
 * The test login page, like ID-porten's TestID: the register's test persons (searchable by the
 * start of the identity number) to log in as with one click, or any synthetic identity number typed
 * in. Every form carries the authorization request along, so no session is needed.
 */
public final class LoginPage {
  /** How many persons the page lists. */
  public static final int LISTED = 25;

  private final String authorizePath;

  public LoginPage(String authorizePath) {
    this.authorizePath = authorizePath;
  }

  public String render(
      AuthorizationRequest request, String clientName, String query, List<String> persons) {
    Map<String, String> params = request.parameters();
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\">")
        .append("<title>krr-local ID-porten: TestID</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/idporten.css\">")
        .append("</head><body><h1>TestID (krr-local)</h1><p>Log in to <b>")
        .append(escape(clientName))
        .append("</b> as a test person. Synthetic identity numbers only.</p>");
    html.append("<form method=\"get\" action=\"").append(authorizePath).append("\">");
    hidden(html, params);
    html.append("<label for=\"q\">Search</label> <input id=\"q\" name=\"q\" value=\"")
        .append(escape(query == null ? "" : query))
        .append("\" inputmode=\"numeric\"> <button id=\"search\" type=\"submit\">Search</button>")
        .append("</form>");
    html.append("<form id=\"persons\" method=\"post\" action=\"")
        .append(authorizePath)
        .append("\">");
    hidden(html, params);
    if (persons.isEmpty()) {
      html.append("<p id=\"none\">No test person matches.</p>");
    }
    for (String pid : persons) {
      html.append("<button class=\"person\" type=\"submit\" name=\"pid\" value=\"")
          .append(escape(pid))
          .append("\" data-pid=\"")
          .append(escape(pid))
          .append("\">")
          .append(escape(pid))
          .append("</button>");
    }
    html.append("</form><form id=\"other\" method=\"post\" action=\"")
        .append(authorizePath)
        .append("\">");
    hidden(html, params);
    html.append("<label for=\"pid\">Other identity number</label> ")
        .append("<input id=\"pid\" name=\"pid\" inputmode=\"numeric\" maxlength=\"11\"> ")
        .append("<button id=\"login\" type=\"submit\">Log in</button></form></body></html>");
    return html.toString();
  }

  /** A page for requests that cannot go back to the client. */
  public static String error(String description) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>krr-local ID-porten: error</title>"
        + "<link rel=\"stylesheet\" href=\"/static/idporten.css\"></head>"
        + "<body><h1>Cannot log in</h1>"
        + "<p id=\"error\">"
        + escape(description)
        + "</p></body></html>";
  }

  private static void hidden(StringBuilder html, Map<String, String> params) {
    params.forEach(
        (name, value) ->
            html.append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
