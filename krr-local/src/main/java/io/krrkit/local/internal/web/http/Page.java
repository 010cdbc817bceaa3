package io.krrkit.local.internal.web.http;

import io.krrkit.core.Masking;
import io.krrkit.local.internal.web.Organisation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the layout of every page needs, and the texts in the visitor's language: the first parameter
 * of every template ({@code @param Page page}). Templates write texts with {@code
 * ${page.t("key")}}, which JTE escapes.
 */
public final class Page {
  /**
   * The query parameter of a one-off message after a redirect ({@code ?melding=created}): not
   * {@code status}, which the request journal's page filters by, as the operator API does.
   */
  static final String MESSAGE_PARAMETER = "melding";

  private final Messages messages;
  private final WebSession session;
  private final String title;
  private final String path;
  private final String query;
  private final Organisation org;
  private final List<Organisation> organisations;
  private final String flash;

  Page(
      Messages messages,
      WebSession session,
      String title,
      String path,
      String query,
      Organisation org,
      List<Organisation> organisations,
      String flash) {
    this.messages = messages;
    this.session = Objects.requireNonNull(session, "session == null");
    this.title = Objects.requireNonNull(title, "title == null");
    this.path = path;
    this.query = query;
    this.org = org;
    this.organisations = List.copyOf(organisations);
    this.flash = flash;
  }

  /** The text of {@code key} in the visitor's language, {@code {0}} … filled from {@code args}. */
  public String t(String key, Object... args) {
    return messages.text(session.language(), key, args);
  }

  /** The language tag, for {@code <html lang>}. */
  public String lang() {
    return session.language().tag();
  }

  /** The other language, offered by the language switch. */
  public Language otherLanguage() {
    return session.language() == Language.NB ? Language.EN : Language.NB;
  }

  /**
   * The link of the language switch: this page in the other language, keeping its query (search,
   * filter) but not a one-off {@link #MESSAGE_PARAMETER message}.
   */
  public String languageSwitchHref() {
    String kept =
        query == null
            ? ""
            : Arrays.stream(query.split("&"))
                .filter(
                    p ->
                        !p.isEmpty()
                            && !p.startsWith("lang=")
                            && !p.startsWith(MESSAGE_PARAMETER + "="))
                .collect(Collectors.joining("&"));
    return "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + otherLanguage().tag();
  }

  /** The page's own title (the layout adds the site's name). */
  public String title() {
    return title;
  }

  /** The path of this page, to mark the current navigation item. */
  public String path() {
    return path;
  }

  /** True when {@link #path()} is {@code prefix} or below it. */
  public boolean isUnder(String prefix) {
    return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
  }

  /** The CSRF token every state-changing form sends back in its {@code csrf} field. */
  public String csrfToken() {
    return session.csrfToken();
  }

  /** True once a test person has logged in. */
  public boolean signedIn() {
    return session.signedIn();
  }

  /** The logged-in person's identity number, masked ({@code 0181****148}), or {@code null}. */
  public String personLabel() {
    return session.signedIn() ? Masking.identifier(session.person().value()) : null;
  }

  /** The organisation acted for, or {@code null} before log-in. */
  public Organisation org() {
    return org;
  }

  /** The organisations the header's switcher offers (empty before log-in). */
  public List<Organisation> organisations() {
    return organisations;
  }

  /** "Name (number)" of organisation {@code number} when the switcher knows it, else the number. */
  public String orgLabel(String number) {
    return organisations.stream()
        .filter(o -> o.number().value().equals(number))
        .findFirst()
        .map(Organisation::label)
        .orElse(number);
  }

  /** A one-off message after a redirect ({@code ?melding=created}), or {@code null}. */
  public String flash() {
    return flash;
  }
}
