package io.krrkit.local.internal.web.http;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;

/** The web page over plain HTTP, for tests outside this package: log in, then GET a page. */
public final class WebPages {
  private WebPages() {}

  /** Logs in as a known person for the emulator's org; returns the session cookie's value. */
  public static String logIn(LocalFixture node) {
    return WebSessionTest.logIn(node);
  }

  /** GETs {@code path} with the session cookie {@code cookie} (or none when null). */
  public static Answer get(LocalFixture node, String path, String cookie) {
    return WebSessionTest.get(node, path, cookie);
  }
}
