package io.krrkit.local.internal.web.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The page's static files, {@code /static/…} from the classpath's {@code /web/static/}. Served by a
 * route rather than Javalin's static-file handler, which builds a Jetty server of its own and
 * mounts the whole jar as a file system at start (about 0.2 s of every standalone start); these are
 * a few style sheets and scripts, read when asked.
 */
final class StaticFiles {
  private static final String ROOT = "/web/static/";
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "md", "text/markdown; charset=utf-8");

  private StaticFiles() {}

  /** Answers {@code path} (what follows {@code /static/}), or 404 for anything else. */
  static void serve(Context ctx, String path) throws IOException {
    URL file = safe(path) ? StaticFiles.class.getResource(ROOT + path) : null;
    if (file == null || directory(file)) {
      throw WebException.notFound();
    }
    try (InputStream in = file.openStream()) {
      byte[] body = in.readAllBytes();
      ctx.header("Cache-Control", "max-age=3600");
      ctx.contentType(type(path));
      ctx.result(body);
    }
  }

  /** A file name under the root: no climbing out, no hidden or empty segments, no directories. */
  private static boolean safe(String path) {
    if (path.isEmpty() || path.endsWith("/") || path.contains("\\")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  private static boolean directory(URL url) throws IOException {
    if ("file".equals(url.getProtocol())) {
      try {
        return !Files.isRegularFile(Path.of(url.toURI()));
      } catch (URISyntaxException e) {
        return true;
      }
    }
    return url.openConnection() instanceof JarURLConnection jar && jar.getJarEntry().isDirectory();
  }

  private static String type(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    return type != null ? type : "text/plain; charset=utf-8";
  }
}
