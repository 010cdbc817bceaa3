package io.krrkit.local.internal.web.http;

/** A handler of one page route: parse the request, call the domain, render or redirect. */
@FunctionalInterface
interface PageHandler {
  /** Handles the request; anything thrown goes to the error path, which renders an error page. */
  void handle(WebContext web) throws Exception;
}
