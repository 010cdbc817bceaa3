package io.krrkit.local.internal.web.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web page remembers about a browser, kept in a signed cookie ({@link SessionCookie}): the
 * CSRF token of its forms, its language and, once logged in, the test person and the organisation
 * it acts for. Every browser has one; before log-in it is anonymous.
 *
 * @param csrfToken the synchronizer token every state-changing form must send back
 * @param person the logged-in test person, or {@code null} before log-in
 * @param org the organisation acted for, or {@code null} before log-in
 * @param issued when the session began; it ends {@link SessionCookie#LIFETIME} later
 */
public record WebSession(
    String csrfToken,
    Language language,
    Personidentifikator person,
    OrgNumber org,
    Instant issued) {

  /** Checks the parts: a token, a language, a time, and person and org together or neither. */
  public WebSession {
    Objects.requireNonNull(csrfToken, "csrfToken == null");
    Objects.requireNonNull(language, "language == null");
    Objects.requireNonNull(issued, "issued == null");
    if ((person == null) != (org == null)) {
      throw new IllegalArgumentException("a session has both a person and an org, or neither");
    }
  }

  /** A fresh session with no one logged in. */
  static WebSession anonymous(String csrfToken, Language language, Instant now) {
    return new WebSession(csrfToken, language, null, null, now);
  }

  /** True once a test person has logged in. */
  public boolean signedIn() {
    return person != null;
  }

  /** The organisation acted for, if logged in. */
  public Optional<OrgNumber> organisation() {
    return Optional.ofNullable(org);
  }

  /** The same session in another language. */
  WebSession in(Language other) {
    return new WebSession(csrfToken, other, person, org, issued);
  }

  /** The same session acting for another organisation. */
  WebSession actingFor(OrgNumber other) {
    return new WebSession(csrfToken, language, person, Objects.requireNonNull(other), issued);
  }

  /** Leaves the identity number out. */
  @Override
  public String toString() {
    return "WebSession[language=" + language + ", signedIn=" + signedIn() + ", org=" + org + "]";
  }
}
