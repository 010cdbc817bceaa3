package io.krrkit.local.internal.web.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The page templates ({@code src/main/jte}), compiled to Java at build time (package {@code
 * io.krrkit.local.internal.web.jte}) and rendered with HTML escaping of every {@code ${…}}.
 */
final class Templates {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, null, "io.krrkit.local.internal.web.jte");

  /** Renders {@code name} ({@code integrations/list.jte}) with {@code params} by name. */
  String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(name, params, out);
    return out.toString();
  }
}
