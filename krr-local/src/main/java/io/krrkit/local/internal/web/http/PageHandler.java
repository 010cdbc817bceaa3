package io.krrkit.local.internal.web.http;

/** A handler of one page route: parse the request, call the domain, render or redirect. */
@FunctionalInterface
interface PageHandler {
  /** Handles the request; anything thrown becomes an error page, never a stack trace. */
  void handle(WebContext web) throws Exception;
}
