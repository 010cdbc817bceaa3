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

  /** The page's texts in ID-porten's four languages ({@code ui_locales}). */
  private static final Map<String, Map<String, String>> TEXTS =
      Map.of(
          "nb",
          Map.of(
              "intro", "Logg inn på %s som testperson. Bare syntetiske fødselsnummer.",
              "search", "Søk",
              "other", "Annet fødselsnummer",
              "login", "Logg inn",
              "none", "Ingen testperson passer."),
          "nn",
          Map.of(
              "intro", "Logg inn på %s som testperson. Berre syntetiske fødselsnummer.",
              "search", "Søk",
              "other", "Anna fødselsnummer",
              "login", "Logg inn",
              "none", "Ingen testperson passar."),
          "en",
          Map.of(
              "intro", "Log in to %s as a test person. Synthetic identity numbers only.",
              "search", "Search",
              "other", "Other identity number",
              "login", "Log in",
              "none", "No test person matches."),
          "se",
          Map.of(
              "intro", "Čálit sisa %s geahččanolmmožin. Dušše synteahtalaš riegádannummirat.",
              "search", "Oza",
              "other", "Eará riegádannummir",
              "login", "Čálit sisa",
              "none", "Ii oktage geahččanolmmoš heive."));

  public LoginPage(String authorizePath) {
    this.authorizePath = authorizePath;
  }

  public String render(
      AuthorizationRequest request, String clientName, String query, List<String> persons) {
    Map<String, String> params = request.parameters();
    Map<String, String> t = TEXTS.get(request.uiLocale());
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html lang=\"")
        .append(request.uiLocale())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<title>krr-local ID-porten: TestID</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/idporten.css\">")
        .append("</head><body><h1>TestID (krr-local)</h1><p id=\"intro\">")
        .append(String.format(t.get("intro"), "<b>" + escape(clientName) + "</b>"))
        .append("</p><p id=\"level\" data-acr=\"")
        .append(escape(request.acr()))
        .append("\">")
        .append(escape(request.acr()))
        .append("</p>");
    html.append("<form method=\"get\" action=\"").append(authorizePath).append("\">");
    hidden(html, params);
    html.append("<label for=\"q\">")
        .append(t.get("search"))
        .append("</label> <input id=\"q\" name=\"q\" value=\"")
        .append(escape(query == null ? "" : query))
        .append("\" inputmode=\"numeric\"> <button id=\"search\" type=\"submit\">")
        .append(t.get("search"))
        .append("</button></form>");
    html.append("<form id=\"persons\" method=\"post\" action=\"")
        .append(authorizePath)
        .append("\">");
    hidden(html, params);
    if (persons.isEmpty()) {
      html.append("<p id=\"none\">").append(t.get("none")).append("</p>");
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
    html.append("<label for=\"pid\">")
        .append(t.get("other"))
        .append("</label> ")
        .append("<input id=\"pid\" name=\"pid\" inputmode=\"numeric\" maxlength=\"11\"> ")
        .append("<button id=\"login\" type=\"submit\">")
        .append(t.get("login"))
        .append("</button></form></body></html>");
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

  /**
   * The page after a logout: one iframe per client of the session with a front-channel logout URI
   * (as ID-porten frames them), then on to {@code redirect} (the client's post_logout_redirect_uri)
   * once they have loaded, or a logged-out message without one.
   */
  public static String loggedOut(List<String> frontchannelUris, String redirect) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>krr-local ID-porten: logged out</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/idporten.css\">");
    if (redirect != null) {
      html.append("<script src=\"/static/idporten-logout.js\" defer></script>");
    }
    html.append("</head><body><h1>Logged out</h1>")
        .append("<p id=\"done\">You are logged out of ID-porten (krr-local).</p>");
    for (String uri : frontchannelUris) {
      html.append("<iframe class=\"frontchannel\" title=\"logout\" hidden src=\"")
          .append(escape(uri))
          .append("\"></iframe>");
    }
    if (redirect != null) {
      html.append("<p><a id=\"continue\" href=\"")
          .append(escape(redirect))
          .append("\">Continue</a></p>");
    }
    return html.append("</body></html>").toString();
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
