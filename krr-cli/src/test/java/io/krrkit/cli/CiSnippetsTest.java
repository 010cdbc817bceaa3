package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.KrrLocal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose file and the CI jobs docs/testing.md shows (samples/compose, samples/ci) use only
 * what exists: the image's port, volume, paths and bootstrap file, environment variables the CLI
 * reads, a public URL the callers use. Their {@code krr} commands and HTTP requests are run here
 * against an emulator in-process; .ci/run runs the compose file itself with podman-compose. GitHub
 * and GitLab cannot run here: what their runners do (pull, publish, wait for health) is not tested.
 */
class CiSnippetsTest {
  private static final Path ROOT = Path.of("..");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

  @Test
  void theComposeFileRunsTheImageAndItsDemoServiceRunsAgainstAnEmulator(@TempDir Path dir)
      throws Exception {
    JsonNode services = yaml("samples/compose/compose.yaml").path("services");
    JsonNode server = services.path("krr-local");
    JsonNode demo = services.path("demo");
    Image image = Image.read();

    assertThat(defaulted(server.path("image").asText())).isEqualTo(image.tag());
    assertThat(defaulted(demo.path("image").asText())).isEqualTo(image.tag());
    assertThat(fieldNames(server.path("environment"))).isSubsetOf(cliEnvironment());
    String publicUrl = server.path("environment").path("KRR_LOCAL_PUBLIC_URL").asText();
    assertThat(URI.create(publicUrl).getHost()).isEqualTo("krr-local");
    assertThat(URI.create(publicUrl).getPort()).isEqualTo(image.port());
    KrrLocal.builder()
        .operatorToken(
            defaulted(server.path("environment").path("KRR_LOCAL_OPERATOR_TOKEN").asText()));
    assertThat(containerPort(server.path("ports").get(0).asText())).isEqualTo(image.port());
    assertThat(server.path("volumes").get(0).asText()).endsWith(":" + image.volume());
    assertThat(demo.path("volumes").get(0).asText()).endsWith(":" + image.volume() + ":ro");
    assertThat(demo.path("depends_on").path("krr-local").path("condition").asText())
        .isEqualTo("service_healthy");

    List<String> command = strings(demo.path("command"));
    assertThat(command).contains(image.bootstrapOut(), publicUrl); // the grants' audience
    try (CliEmulator emulator = CliEmulator.start(dir)) {
      CliRun run =
          CliRun.of(
              replaced(
                  command,
                  Map.of(
                      publicUrl,
                      emulator.baseUrl(),
                      image.bootstrapOut(),
                      emulator.bootstrap.toString())));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Exit code 0");
    }
  }

  @Test
  void theGitHubJobUsesTheImagesNamesAndItsKrrWaitRuns() throws Exception {
    JsonNode job = yaml("samples/ci/github-actions.yml").path("jobs").path("test");
    JsonNode service = job.path("services").path("krr-local");
    Image image = Image.read();

    assertThat(fieldNames(service.path("env"))).isSubsetOf(cliEnvironment());
    assertThat(fieldNames(job.path("env"))).isSubsetOf(cliEnvironment());
    String published = service.path("ports").get(0).asText();
    assertThat(containerPort(published)).isEqualTo(image.port());
    String publicUrl = service.path("env").path("KRR_LOCAL_PUBLIC_URL").asText();
    assertThat(publicUrl).isEqualTo("http://localhost:" + published.split(":")[0]);
    assertThat(job.path("env").path("KRR_LOCAL_URL").asText()).isEqualTo(publicUrl);

    List<String> lines = new ArrayList<>();
    job.path("steps").forEach(step -> lines.addAll(step.path("run").asText().lines().toList()));
    String wait = only(lines, "/opt/krr/krr.jar");
    assertThat(image.entrypoint()).contains("\"/opt/java/bin/java\"", "\"/opt/krr/krr.jar\"");
    assertThat(wait).contains("/opt/java/bin/java -jar /opt/krr/krr.jar wait ");
    assertThat(only(lines, "docker cp")).contains(":" + image.bootstrapOut() + " ");

    List<String> args =
        Arrays.asList(wait.substring(wait.indexOf("krr.jar ") + 8).trim().split(" +"));
    try (KrrLocal krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start()) {
      CliRun run = CliRun.of(replaced(args, Map.of("http://localhost:7070", krr.baseUrl())));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("ready: " + krr.baseUrl());
    }
  }

  @Test
  void theGitLabJobUsesTheImagesNamesAndItsRequestsAreAnswered() throws Exception {
    JsonNode job = yaml("samples/ci/gitlab-ci.yml").path("krr-tests");
    JsonNode variables = job.path("variables");
    Image image = Image.read();

    assertThat(fieldNames(variables)).isSubsetOf(cliEnvironment());
    URI publicUrl = URI.create(variables.path("KRR_LOCAL_PUBLIC_URL").asText());
    assertThat(publicUrl.getHost()).isEqualTo(job.path("services").get(0).path("alias").asText());
    assertThat(publicUrl.getPort()).isEqualTo(image.port());
    assertThat(variables.path("KRR_LOCAL_URL").asText()).isEqualTo(publicUrl.toString());

    List<String> curls =
        strings(job.path("script")).stream().filter(l -> l.startsWith("curl ")).toList();
    assertThat(curls).hasSize(2);
    String token = variables.path("KRR_LOCAL_OPERATOR_TOKEN").asText();
    try (KrrLocal krr =
        KrrLocal.builder()
            .port(0)
            .ephemeral()
            .seedPersons(0)
            .adminApi(true)
            .operatorToken(token)
            .build()
            .start()) {
      Map<String, String> env =
          Map.of("KRR_LOCAL_URL", krr.baseUrl(), "KRR_LOCAL_OPERATOR_TOKEN", token);
      HttpResponse<String> ready = curl(curls.get(0), env, null);
      assertThat(ready.statusCode()).isEqualTo(200);

      HttpResponse<String> imported = curl(curls.get(1), env, stateArchive());
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      assertThat(imported.body()).contains("\"mode\":\"merge\"");
      assertThat(krr.controls().hasClient("ci-krr-client")).isTrue();
    }
  }

  /** What the image is, from image/Containerfile and image/build. */
  private record Image(
      String tag, int port, String volume, String bootstrapOut, String entrypoint) {
    static Image read() throws IOException {
      String file = Files.readString(ROOT.resolve("image/Containerfile"));
      String build = Files.readString(ROOT.resolve("image/build"));
      return new Image(
          group(build, "tag=\\$\\{1:-([^}]+)}"),
          Integer.parseInt(group(file, "(?m)^EXPOSE (\\d+)$")),
          group(file, "(?m)^VOLUME (\\S+)$"),
          group(file, "KRR_LOCAL_BOOTSTRAP_OUT=(\\S+)"),
          group(file, "(?m)^ENTRYPOINT (.*)$"));
    }
  }

  /** The environment variables krr-cli reads ({@code ${env:NAME}} in its options). */
  private static Set<String> cliEnvironment() throws IOException {
    Set<String> names = new TreeSet<>();
    Pattern env = Pattern.compile("\\$\\{env:([A-Z0-9_]+)");
    try (Stream<Path> files = Files.walk(ROOT.resolve("krr-cli/src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = env.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    // The image's own settings are read by the same options: a name it sets is one of them.
    Matcher image =
        Pattern.compile("(KRR_LOCAL_[A-Z_]+)=")
            .matcher(Files.readString(ROOT.resolve("image/Containerfile")));
    while (image.find()) {
      assertThat(names).contains(image.group(1));
    }
    return names;
  }

  /** Sends the request a {@code curl} line of the GitLab job makes, with {@code env} put in. */
  private static HttpResponse<String> curl(String line, Map<String, String> env, byte[] body)
      throws Exception {
    String expanded = line;
    for (Map.Entry<String, String> e : env.entrySet()) {
      expanded = expanded.replace("$" + e.getKey(), e.getValue());
    }
    Matcher url = Pattern.compile("\"(http[^\"]+)\"").matcher(expanded);
    assertThat(url.find()).as(line).isTrue();
    Matcher method = Pattern.compile(" -X (\\S+)").matcher(expanded);
    String verb = method.find() ? method.group(1) : "GET";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.group(1)))
            .method(
                verb,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    Matcher header = Pattern.compile("-H \"([^:\"]+): ([^\"]+)\"").matcher(expanded);
    while (header.find()) {
      request.header(header.group(1), header.group(2));
    }
    assertThat(body == null).as(line).isEqualTo(!expanded.contains("--data-binary"));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A state archive as the job keeps one: a KRR client and its public key. */
  private static byte[] stateArchive() throws Exception {
    RSAKey key = KeygenCommand.generate("ci-key-1");
    String clients =
        "[{\"client_id\":\"ci-krr-client\",\"client_orgno\":\"310000027\","
            + "\"integration_type\":\"krr\",\"client_name\":\"CI tests\"}]";
    String keys =
        "[{\"client_id\":\"ci-krr-client\",\"keys\":[" + key.toPublicJWK().toJSONString() + "]}]";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file :
          Map.of("clients.json", clients, "keys.json", keys).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static JsonNode yaml(String file) throws IOException {
    return YAML.readTree(ROOT.resolve(file).toFile());
  }

  private static String defaulted(String value) {
    return DEFAULTED.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
  }

  private static int containerPort(String mapping) {
    String[] parts = defaulted(mapping).split(":");
    return Integer.parseInt(parts[parts.length - 1]);
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    assertThat(names).as("variables in %s", node).isNotEmpty();
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static String only(List<String> lines, String containing) {
    List<String> found = lines.stream().filter(l -> l.contains(containing)).toList();
    assertThat(found).as("lines with %s", containing).hasSize(1);
    return found.get(0);
  }

  private static String[] replaced(List<String> args, Map<String, String> replacements) {
    Map<String, String> map = new HashMap<>(replacements);
    return args.stream().map(a -> map.getOrDefault(a, a)).toArray(String[]::new);
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in the image's files", regex).isTrue();
    return m.group(1);
  }
}
